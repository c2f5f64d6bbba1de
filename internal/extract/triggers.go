package extract

import (
	"embed"
	"fmt"
	"regexp"
	"strings"

	"github.com/dossier-osint/dossier/internal/annotate"
	"github.com/dossier-osint/dossier/internal/catalog"
)

// Class is what a trigger phrase says about the equipment it governs.
type Class uint8

// Trigger classes. The first four are transfer statuses; the rest mark
// distractors: equipment shown, used in an exercise, lost, or the
// supplier's own.
const (
	Planned Class = iota
	Contracted
	Delivered
	InService
	Shown
	Exercise
	Lost
	Own
	Agent // "flown by", "carried by": what follows is the carrier, not the cargo
)

func (c Class) status() string {
	return [...]string{"planned", "contracted", "delivered", "in_service"}[c]
}

func (c Class) isStatus() bool { return c <= InService }

// orderNoun: the trigger is a bare "order", the one phrase that governs
// nothing by position; dropMisreadings keeps it only after a year ("a 2020
// order"), and datedOrderAfter pairs it with the delivery it completes.
func (t trigger) orderNoun() bool { return !t.Fwd && !t.Bwd }

// trigger is a phrase found in a sentence, in byte offsets of the body.
type trigger struct {
	Start, End int
	Class      Class
	// Fwd triggers govern what follows ("ordered six"), Bwd ones what comes
	// before ("six ... arrived"); some do both.
	Fwd, Bwd bool
	// Buying is a noun of the buyer's deal, forward ("the purchase of").
	Buying bool
}

// classNames are the class column of data/triggers.tsv.
var classNames = map[string]Class{
	"planned": Planned, "contracted": Contracted, "delivered": Delivered, "in_service": InService,
	"shown": Shown, "exercise": Exercise, "lost": Lost, "own": Own, "agent": Agent,
}

//go:embed data/triggers.tsv
var triggerData embed.FS

// triggerLexicon is the phrase list of data/triggers.tsv and its matcher.
type triggerLexicon struct {
	matcher  *catalog.Matcher
	patterns []trigger // Class, Fwd and Bwd of each phrase
}

var triggers = loadTriggers()

func loadTriggers() *triggerLexicon {
	rows, err := catalog.ReadTSV(triggerData, "data/triggers.tsv", []string{"phrase", "class", "forward", "backward"})
	if err != nil {
		panic(err) // embedded data: a broken file is a build error
	}
	lex := &triggerLexicon{}
	phrases := make([]string, len(rows))
	for i, r := range rows {
		class, ok := classNames[r[1]]
		if !ok {
			panic(fmt.Sprintf("data/triggers.tsv: %q: unknown class %q", r[0], r[1]))
		}
		phrases[i] = r[0]
		lex.patterns = append(lex.patterns, trigger{Class: class, Fwd: r[2] == "yes", Bwd: r[3] == "yes", Buying: r[2] == "yes" && buyingPhrase(r[0])})
	}
	lex.matcher = catalog.NewPhraseMatcher(phrases)
	return lex
}

// ownedByForce: "MiG-29 fighters of the Serbian air force" are in service.
var ownedByForce = regexp.MustCompile(`(?i)^\s*(?:[\p{L}-]+\s+){0,2}of\s+(?:the\s+|its\s+|their\s+)?(?:[\p{L}-]+\s+){0,2}(?:` +
	strings.Join(forceWords, "|") + `)\b`)

// ofAmongFirstWords: "of" (in any case) is one of the first three words of
// text, split at Go's \s, as ownedByForce needs.
func ofAmongFirstWords(text string) bool {
	start := skipRegexpSpace(text, 0)
	for range 2 {
		if ofAt(text, start) {
			return true
		}
		start = skipRegexpSpace(text, skipNonSpace(text, start))
	}
	return ofAt(text, start) // the third word, left unread past "of"
}

// ofAt: the word of text at i is "of", in any case.
func ofAt(text string, i int) bool {
	return i+len("of") <= len(text) && text[i]|0x20 == 'o' && text[i+1]|0x20 == 'f' &&
		(i+len("of") == len(text) || annotate.IsRegexpSpace(text[i+len("of")]))
}

// skipRegexpSpace returns the end of the white space (\s*) at i: where
// strings.TrimLeft(s[i:], " \t\n\f\r") starts.
func skipRegexpSpace(s string, i int) int {
	for i < len(s) && annotate.IsRegexpSpace(s[i]) {
		i++
	}
	return i
}

// skipNonSpace returns the end of the run of bytes that are no \s at i:
// the end of a word, as a regexp parts words at \s.
func skipNonSpace(s string, i int) int {
	for i < len(s) && !annotate.IsRegexpSpace(s[i]) {
		i++
	}
	return i
}

// lastSpaceRun is where the run of \s that ends at end starts: where
// strings.TrimRight(s[:end], " \t\n\f\r") ends.
func lastSpaceRun(s string, end int) int {
	for end > 0 && annotate.IsRegexpSpace(s[end-1]) {
		end--
	}
	return end
}

// allDigits: s is ASCII digits only (or empty).
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// forceWords are the armed forces that ownedByForce names.
var forceWords = []string{"air force", "navy", "army", "armed forces", "military", "border guard", "coast guard", "marines"}

// findTriggers returns the trigger phrases of a text starting at byte
// base of the body.
func findTriggers(text string, base int) []trigger {
	return appendTriggers(nil, triggers.matcher.FindAll(text), base)
}

// appendTriggers appends to out the trigger phrases that the lexicon's
// matcher found in a text starting at base.
func appendTriggers(out []trigger, ms []catalog.Match, base int) []trigger {
	for _, m := range ms {
		t := triggers.patterns[m.Refs[0].Index]
		t.Start, t.End = base+m.Start, base+m.End
		out = append(out, t)
	}
	return out
}
