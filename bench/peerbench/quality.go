package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"github.com/dossier-osint/dossier/bench/internal/benchfile"
)

// dateScore counts a date recogniser against the dev gold; see the protocol
// in bench/RESULTS.md.
type dateScore struct {
	goldDates, found       int // gold record dates, and those the tool found in their evidence
	inEvidence, correct    int // the tool's dates inside gold evidence, and those right
	unjudged               []string
	labelledDocs, allDates int
}

func (s dateScore) recall() float64    { return ratio(s.found, s.goldDates) }
func (s dateScore) precision() float64 { return ratio(s.correct, s.inEvidence) }

// textScore counts main-text extraction against the article bodies, in
// word tokens (see tokens).
type textScore struct {
	pages, bodyTokens, outTokens, matched int
}

func (s textScore) bodyRecall() float64       { return ratio(s.matched, s.bodyTokens) }
func (s textScore) boilerplateShare() float64 { return ratio(s.outTokens-s.matched, s.outTokens) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

type qualityScores struct {
	dates map[string]dateScore
	text  map[string]textScore
	// textCorpus is the size whose pages the text scores come from.
	textCorpus float64
}

// quality runs each tool once more, writing what it found, on the dev
// articles (dates) and on the pages of the smallest corpus that has them
// (main text), and scores that.
func (b *bench) quality(corpora []corpus) (qualityScores, error) {
	q := qualityScores{dates: map[string]dateScore{}, text: map[string]textScore{}}
	devFiles, err := filepath.Glob(filepath.Join(b.dev, "*.txt"))
	if err != nil {
		return q, err
	}
	devList := filepath.Join(b.work, "list-dev.tsv")
	if err := writeList(devList, devFiles); err != nil {
		return q, err
	}
	gold, err := readGold(devFiles)
	if err != nil {
		return q, err
	}
	judged, err := readJudged(b.judged)
	if err != nil {
		return q, err
	}
	for _, tool := range taskTools[taskDates] {
		var outs []datesOutput
		if err := b.outputs(tool, devList, &outs); err != nil {
			return q, err
		}
		q.dates[tool] = scoreDates(tool, gold, outs, judged)
	}
	for _, cp := range corpora {
		if cp.pageList == "" {
			continue
		}
		q.textCorpus = cp.size
		bodies := make([]string, len(cp.txtFiles))
		for i, f := range cp.txtFiles {
			body, err := bodyOf(f)
			if err != nil {
				return q, err
			}
			// The page shows the scraped chrome lines as widgets, which
			// are no part of the body a main-text extractor should keep.
			bodies[i] = benchfile.ArticleText(body)
		}
		for _, tool := range taskTools[taskHTML] {
			var outs []textOutput
			if err := b.outputs(tool, cp.pageList, &outs); err != nil {
				return q, err
			}
			q.text[tool] = scoreText(bodies, outs)
		}
		break
	}
	return q, nil
}

// outputs runs tool in output mode on list and reads its JSON lines into
// *into, a slice.
func (b *bench) outputs(tool, list string, into any) error {
	log("quality: %s on %s", tool, filepath.Base(list))
	out := filepath.Join(b.work, "out-"+tool+".jsonl")
	if _, _, err := b.oneCore(b.toolCommand(tool, "output", list, out)); err != nil {
		return fmt.Errorf("%s: %w", tool, err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		return err
	}
	lines := strings.TrimSuffix(string(data), "\n")
	return json.Unmarshal([]byte("["+strings.ReplaceAll(lines, "\n", ",")+"]"), into)
}

// goldDoc is a dev article's body (as code points) and its labelled records.
type goldDoc struct {
	name    string
	body    []rune
	records []goldRecord
}

type span struct{ Start, End int }

type goldRecord struct {
	Date     *string `json:"date"`
	Evidence []span  `json:"evidence"`
}

func readGold(txtFiles []string) ([]goldDoc, error) {
	var docs []goldDoc
	for _, f := range txtFiles {
		body, err := bodyOf(f)
		if err != nil {
			return nil, err
		}
		data, err := os.ReadFile(strings.TrimSuffix(f, ".txt") + ".gold.json")
		if err != nil {
			return nil, err
		}
		var g struct{ Records []goldRecord }
		if err := json.Unmarshal(data, &g); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		docs = append(docs, goldDoc{name: strings.TrimSuffix(filepath.Base(f), ".txt"), body: []rune(body), records: g.Records})
	}
	return docs, nil
}

// bodyOf is the body of the article at path, as Dossier reads it.
func bodyOf(path string) (string, error) {
	doc, _, err := benchfile.Read(path)
	if err != nil {
		return "", err
	}
	return doc.Body, nil
}

// judgedDate is a date found in gold evidence that dates no gold record,
// judged by hand (bench/dates-judged.tsv): right when it is a date
// expression resolved as the guidelines resolve it.
type judgedDate struct {
	doc   string
	where span
	value string
	right bool
}

func readJudged(name string) ([]judgedDate, error) {
	lines, err := readLines(name)
	if err != nil {
		return nil, err
	}
	var out []judgedDate
	for _, line := range lines {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 5 || cols[4] != "right" && cols[4] != "wrong" {
			return nil, fmt.Errorf("%s: line %q: want doc, start, end, value, right or wrong", name, line)
		}
		start, err1 := strconv.Atoi(cols[1])
		end, err2 := strconv.Atoi(cols[2])
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("%s: line %q: bad offsets", name, line)
		}
		out = append(out, judgedDate{cols[0], span{start, end}, cols[3], cols[4] == "right"})
	}
	return out, nil
}

// scoreDates counts one tool's dates (outs, in the order of gold) against
// the gold records' dates and evidence.
func scoreDates(tool string, gold []goldDoc, outs []datesOutput, judged []judgedDate) dateScore {
	var s dateScore
	for i, doc := range gold {
		found := outs[i].Dates
		s.allDates += len(found)
		labelled := false
		seen := map[string]bool{}
		for _, r := range doc.records {
			labelled = labelled || len(r.Evidence) > 0
			if r.Date == nil || len(r.Evidence) == 0 {
				continue
			}
			// Records sharing a date and sentences (two systems delivered
			// together) are one date to find.
			key := fmt.Sprint(*r.Date, r.Evidence)
			if seen[key] {
				continue
			}
			seen[key] = true
			s.goldDates++
			for _, d := range found {
				if d.Value == *r.Date && inside(d, r.Evidence) {
					s.found++
					break
				}
			}
		}
		if labelled {
			s.labelledDocs++
		}
		for _, d := range found {
			if !inAnyEvidence(d, doc.records) {
				continue
			}
			s.inEvidence++
			if datesGoldRecord(d, doc.records) {
				s.correct++
				continue
			}
			switch j, ok := judgement(doc.name, d, judged); {
			case !ok:
				s.unjudged = append(s.unjudged, fmt.Sprintf("%s\t%d\t%d\t%s\t?\t%s: %q", doc.name, d.Start, d.End, d.Value, tool,
					string(doc.body[d.Start:d.End])))
			case j.right:
				s.correct++
			}
		}
	}
	return s
}

func inside(d foundDate, spans []span) bool {
	for _, e := range spans {
		if e.Start <= d.Start && d.Start < e.End {
			return true
		}
	}
	return false
}

func inAnyEvidence(d foundDate, records []goldRecord) bool {
	for _, r := range records {
		if inside(d, r.Evidence) {
			return true
		}
	}
	return false
}

func datesGoldRecord(d foundDate, records []goldRecord) bool {
	for _, r := range records {
		if r.Date != nil && *r.Date == d.Value && inside(d, r.Evidence) {
			return true
		}
	}
	return false
}

func judgement(doc string, d foundDate, judged []judgedDate) (judgedDate, bool) {
	for _, j := range judged {
		if j.doc == doc && j.value == d.Value && j.where.Start < d.End && d.Start < j.where.End {
			return j, true
		}
	}
	return judgedDate{}, false
}

// scoreText compares each page's extracted text with its article's body as
// multisets of word tokens: body tokens found are recovered, output tokens
// beyond the body's are boilerplate left in.
func scoreText(bodies []string, outs []textOutput) textScore {
	s := textScore{pages: len(bodies)}
	for i, body := range bodies {
		want := tokenCounts(body)
		got := tokenCounts(outs[i].Text)
		for t, n := range want {
			s.bodyTokens += n
			s.matched += min(n, got[t])
		}
		for _, n := range got {
			s.outTokens += n
		}
	}
	return s
}

// tokenCounts counts the words of s: runs of letters and digits, lower-cased.
func tokenCounts(s string) map[string]int {
	counts := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		counts[w]++
	}
	return counts
}
