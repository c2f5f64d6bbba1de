package server

import (
	"slices"

	"github.com/dossier-osint/dossier/internal/store"
)

// passage is a run of a document's text and the records whose evidence
// covers it (none for plain text).
type passage struct {
	Text    string
	Records []int64
	// Anchors are the records whose evidence starts here, so that the
	// record list can link to it.
	Anchors []int64
}

// passages cuts body at every evidence boundary. Evidence offsets count
// code points, as the guidelines say; spans outside the body are clipped.
func passages(body string, recs []store.Record) []passage {
	runes := []rune(body)
	cuts := []int{0, len(runes)}
	for _, r := range recs {
		for _, e := range r.Evidence {
			cuts = append(cuts, clamp(e.Start, len(runes)), clamp(e.End, len(runes)))
		}
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	anchored := map[int64]bool{}
	var out []passage
	for i := 0; i+1 < len(cuts); i++ {
		from, to := cuts[i], cuts[i+1]
		p := passage{Text: string(runes[from:to])}
		for _, r := range recs {
			for _, e := range r.Evidence {
				if e.Start <= from && to <= e.End {
					p.Records = append(p.Records, r.ID)
					if !anchored[r.ID] {
						anchored[r.ID] = true
						p.Anchors = append(p.Anchors, r.ID)
					}
					break
				}
			}
		}
		out = append(out, p)
	}
	return out
}

func clamp(n, hi int) int { return max(0, min(n, hi)) }

// snippetPart is a piece of a search snippet, marked when it matched.
type snippetPart struct {
	Text    string
	Matched bool
}

// snippetParts splits a snippet at the "[" and "]" the store puts around
// matched terms.
func snippetParts(snippet string) []snippetPart {
	var out []snippetPart
	matched := false
	start := 0
	for i, r := range snippet {
		if r == '[' && !matched || r == ']' && matched {
			if i > start {
				out = append(out, snippetPart{snippet[start:i], matched})
			}
			matched = !matched
			start = i + 1
		}
	}
	if start < len(snippet) {
		out = append(out, snippetPart{snippet[start:], matched})
	}
	return out
}
