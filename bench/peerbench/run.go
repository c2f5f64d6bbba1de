package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/dossier-osint/dossier/bench/internal/benchfile"
	"github.com/dossier-osint/dossier/internal/annotate"
)

type config struct {
	work, dev, peers, corpus, dossier, results, judged, self string
	sizes, pageSizes                                         []float64
	reps                                                     int
	budget, maxPass                                          float64
}

// The comparisons: each task's tools, Dossier's first.
const (
	taskExtract = "extract"
	taskDates   = "dates"
	taskHTML    = "main text"
	taskIngest  = "ingest"
)

var taskTools = map[string][]string{
	taskExtract: {"dossier", "wink", "compromise"},
	taskDates:   {"dossier-dates", "chrono"},
	taskHTML:    {"dossier-html", "readability-jsdom", "readability-linkedom"},
}

// figure is one tool's measurement on one corpus.
type figure struct {
	task, tool  string
	size        float64
	docs, bytes int
	seconds     []float64 // wall clock, one per pass
	cpuSeconds  []float64 // CPU time, one per pass; none for ingest
	peakRSSKB   int64
	skipped     string // why it was not run, if it was not
	runPass     func() (passResult, int64, error)
}

// median is the median time of a pass: CPU time where it was measured
// (one core), else wall clock (ingest, on every core).
func (f figure) median() float64 {
	s := slices.Clone(f.cpuSeconds)
	if len(s) == 0 {
		s = slices.Clone(f.seconds)
	}
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func (f figure) mbPerSecond() float64   { return float64(f.bytes) / 1e6 / f.median() }
func (f figure) docsPerSecond() float64 { return float64(f.docs) / f.median() }

// rate is the speed a task is compared on: pages or documents a second for
// main text and ingest, megabytes a second for the rest.
func (f figure) rate() float64 {
	if f.task == taskHTML || f.task == taskIngest {
		return f.docsPerSecond()
	}
	return f.mbPerSecond()
}

// corpus is one size's files: articles and, if made, the same articles as
// pages, with the lists the measurements read.
type corpus struct {
	size                float64
	txtDir, pageDir     string
	txtList, pageList   string
	txtFiles, pageFiles []string
}

type bench struct {
	config
	figures []figure
}

func (c config) run() error {
	b := &bench{config: c}
	if err := os.MkdirAll(c.work, 0o755); err != nil {
		return err
	}
	started, load := time.Now(), loadAverage()
	var corpora []corpus
	for _, size := range c.sizes {
		cp, err := b.makeCorpus(size)
		if err != nil {
			return err
		}
		corpora = append(corpora, cp)
		lists := map[string]string{taskExtract: cp.txtList, taskDates: cp.txtList, taskHTML: cp.pageList}
		for _, task := range []string{taskExtract, taskDates, taskHTML} {
			if lists[task] == "" {
				continue
			}
			var figs []*figure
			for _, tool := range taskTools[task] {
				figs = append(figs, b.toolFigure(task, tool, size, lists[task]))
			}
			b.measure(figs)
		}
		b.measure([]*figure{b.ingestFigure(cp)})
	}
	q, err := b.quality(corpora)
	if err != nil {
		return err
	}
	r := report{bench: b, quality: q, elapsed: time.Since(started), loadAtStart: load}
	fmt.Print(r.tables())
	return r.write(c.results)
}

// makeCorpus writes the corpus of one size afresh (the dev articles and
// generated ones, seed 1; a few seconds for 10 MB) and lists its files.
func (b *bench) makeCorpus(size float64) (corpus, error) {
	mb := strconv.FormatFloat(size, 'f', -1, 64)
	cp := corpus{size: size, txtDir: filepath.Join(b.work, "corpus-"+mb+"mb")}
	args := []string{"-mb", mb, "-with", b.dev, "-out", cp.txtDir, "-seed", "1"}
	if slices.Contains(b.pageSizes, size) {
		cp.pageDir = filepath.Join(b.work, "pages-"+mb+"mb")
		args = append(args, "-html", cp.pageDir)
	}
	log("writing the %s MB corpus", mb)
	for _, dir := range []string{cp.txtDir, cp.pageDir} {
		if err := os.RemoveAll(dir); err != nil {
			return cp, err
		}
	}
	if out, err := exec.Command(b.corpus, args...).CombinedOutput(); err != nil {
		return cp, fmt.Errorf("corpus: %v: %s", err, out)
	}
	var err error
	if cp.txtFiles, err = filesUnder(cp.txtDir, ".txt"); err != nil {
		return cp, err
	}
	cp.txtList = filepath.Join(b.work, "list-"+mb+"mb.tsv")
	if err := writeList(cp.txtList, cp.txtFiles); err != nil {
		return cp, err
	}
	if cp.pageDir != "" {
		for _, f := range cp.txtFiles {
			rel, _ := filepath.Rel(cp.txtDir, f)
			cp.pageFiles = append(cp.pageFiles, filepath.Join(cp.pageDir, strings.TrimSuffix(rel, ".txt")+".html"))
		}
		cp.pageList = filepath.Join(b.work, "pages-"+mb+"mb.tsv")
		if err := os.WriteFile(cp.pageList, []byte(strings.Join(cp.pageFiles, "\n")+"\n"), 0o644); err != nil {
			return cp, err
		}
	}
	return cp, nil
}

func filesUnder(dir, ext string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ext) {
			out = append(out, path)
		}
		return err
	})
	return out, err
}

// writeList writes the list the measurements read: each article with the
// reference date Dossier resolves its relative dates against, which both
// date recognisers are given.
func writeList(name string, files []string) error {
	var b strings.Builder
	for _, f := range files {
		doc, _, err := benchfile.Read(f)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s\t%s\n", f, annotate.ReferenceDate(doc.Published, doc.URL, doc.Body))
	}
	return os.WriteFile(name, []byte(b.String()), 0o644)
}

// toolFigure is a tool's figure on one list, each pass a process pinned
// to one core; it is skipped where the previous size predicts a pass
// longer than maxPass.
func (b *bench) toolFigure(task, tool string, size float64, list string) *figure {
	f := &figure{task: task, tool: tool, size: size}
	if prev, ok := b.previous(task, tool, size); ok {
		if prev.skipped != "" {
			f.skipped = prev.skipped
		} else if predicted := prev.median() * size / prev.size; predicted > b.maxPass {
			f.skipped = fmt.Sprintf("one pass would take about %.0f s", predicted)
		}
	}
	f.runPass = func() (passResult, int64, error) {
		var r passResult
		out, rss, err := b.oneCore(b.toolCommand(tool, "time", list))
		if err != nil {
			return r, 0, fmt.Errorf("%s: %w", tool, err)
		}
		if err := json.Unmarshal(out, &r); err != nil {
			return r, 0, fmt.Errorf("%s: reading %q: %w", tool, out, err)
		}
		return r, rss, nil
	}
	return f
}

// measure runs the passes of figs in turns, one pass of each a turn, so
// that other work on the machine slows them alike. A figure gets up to
// reps passes, and no further one once its passes took budget seconds.
func (b *bench) measure(figs []*figure) {
	for rep := range b.reps {
		for _, f := range figs {
			if f.skipped != "" || rep > 0 && sum(f.seconds) >= b.budget {
				continue
			}
			log("%s: %s at %g MB, pass %d", f.task, f.tool, f.size, rep+1)
			r, rss, err := f.runPass()
			if err != nil {
				// A tool that fails (a peer out of memory) loses its figure,
				// not the run.
				f.skipped = "failed: " + firstLine(err.Error())
				log("%s: %s", f.tool, err)
				continue
			}
			f.docs, f.bytes = r.Docs, r.Bytes
			f.seconds = append(f.seconds, r.Seconds)
			if r.CPUSeconds > 0 {
				f.cpuSeconds = append(f.cpuSeconds, r.CPUSeconds)
			}
			f.peakRSSKB = max(f.peakRSSKB, rss)
		}
	}
	for _, f := range figs {
		if f.skipped != "" {
			log("%s: %s at %g MB skipped: %s", f.task, f.tool, f.size, f.skipped)
		}
		b.figures = append(b.figures, *f)
	}
}

// previous is the figure of the same tool at the next smaller size.
func (b *bench) previous(task, tool string, size float64) (figure, bool) {
	var best figure
	found := false
	for _, f := range b.figures {
		if f.task == task && f.tool == tool && f.size < size && (!found || f.size > best.size) {
			best, found = f, true
		}
	}
	return best, found
}

// toolCommand is the command line of a tool's measurement: Dossier's in
// this binary, a peer's in bench/peers/measure.mjs.
func (b *bench) toolCommand(tool string, args ...string) []string {
	if strings.HasPrefix(tool, "dossier") {
		return append([]string{b.self, "measure", tool}, args...)
	}
	return append([]string{"node", filepath.Join(b.peers, "measure.mjs"), tool}, args...)
}

// oneCore runs a command pinned to CPU 0 with GOMAXPROCS=1 and returns its
// standard output and peak resident memory.
func (b *bench) oneCore(argv []string) ([]byte, int64, error) {
	cmd := exec.Command("taskset", append([]string{"-c", "0"}, argv...)...)
	cmd.Env = append(os.Environ(), "GOMAXPROCS=1")
	return runMeasured(cmd)
}

// runMeasured runs cmd and returns its output and its peak RSS in KB, as
// the kernel accounts it (ru_maxrss, what /usr/bin/time -v reports).
func runMeasured(cmd *exec.Cmd) ([]byte, int64, error) {
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, 0, fmt.Errorf("%v: %s", err, stderr.Bytes())
	}
	return stdout.Bytes(), cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss, nil
}

// ingestFigure times `dossier ingest` of the corpus into a fresh database,
// on every core.
func (b *bench) ingestFigure(cp corpus) *figure {
	f := &figure{task: taskIngest, tool: "dossier ingest", size: cp.size}
	db := filepath.Join(b.work, "ingest.db")
	f.runPass = func() (passResult, int64, error) {
		r := passResult{Docs: len(cp.txtFiles), Bytes: sizeOf(cp.txtFiles)}
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(db + suffix)
		}
		start := time.Now()
		_, rss, err := runMeasured(exec.Command(b.dossier, "ingest", "--db", db, cp.txtDir))
		r.Seconds = time.Since(start).Seconds()
		if err != nil {
			return r, 0, fmt.Errorf("ingest: %w", err)
		}
		return r, rss, nil
	}
	return f
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}

func sizeOf(files []string) int {
	n := 0
	for _, f := range files {
		if st, err := os.Stat(f); err == nil {
			n += int(st.Size())
		}
	}
	return n
}

func log(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "%s  "+format+"\n", append([]any{time.Now().Format("15:04:05")}, args...)...)
}
