package extract

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-osint/dossier/internal/annotate"
	"github.com/dossier-osint/dossier/internal/annotate/testtext"
	"github.com/dossier-osint/dossier/internal/catalog"
)

// ordinalRe is Go's regexp of ordinalAlonePattern, anchored for
// matchOrdinal.
var (
	ordinalRe         = regexp.MustCompile(ordinalAlonePattern)
	anchoredOrdinalRe = regexp.MustCompile(`^(?:` + ordinalAlonePattern + `)`)
)

// oldOrdinalPhrases is what items read before ordinalPhrases.
func oldOrdinalPhrases(text string) [][]int {
	if theOrdinals.inLower(text) {
		return ordinalRe.FindAllStringSubmatchIndex(text, -1)
	}
	return nil
}

func checkOrdinalPhrases(t *testing.T, text string) {
	t.Helper()
	got, batch := ordinalPhrases(text)
	if want := oldOrdinalPhrases(text); len(got)+len(want) > 0 && !reflect.DeepEqual(got, want) {
		t.Errorf("ordinalPhrases(%q) = %v, want %v", text, got, want)
	}
	if want := holdsBatch(text); batch != want {
		t.Errorf("ordinalPhrases(%q) tells batch %v, want %v", text, batch, want)
	}
	if strings.ContainsAny(text, "\u017f\u212a") { // which matchOrdinal is not given
		return
	}
	for i := range len(text) + 1 {
		if got, want := matchOrdinal(text[i:]), anchoredOrdinalRe.FindStringSubmatchIndex(text[i:]); !reflect.DeepEqual(got, want) {
			t.Errorf("matchOrdinal(%q) = %v, want %v", text[i:], got, want)
		}
	}
}

// ordinalPhraseWords are the words of ordinalAlonePattern, near misses,
// and the words around them.
var ordinalPhraseWords = strings.Fields(`the The THE tHe th then other xthe the_ first First FIRST firsts second third
	last lastly final finally latest late one ones One ONES oneself of Of them THEM themselves was Was wasn't were is
	isn't arrived arrives followed following will willing wills was_ six jets were handed over in 2023 ſecond firſt
	laſt İs fİrst tHE batch Batch BATCH batches bat ba b atch`)

var ordinalPhraseSeps = []string{" ", " ", " ", "  ", "\t", "\n", "\f", "\r", "\v", "\u00a0", "", ", ", ". ", "-", "'s ", "é", "_"}

func TestOrdinalPhrasesAsBefore(t *testing.T) {
	crafted := []string{"", "the first was", "The first was handed over.", "the  first was", "The\tFIRST\nones were",
		"the first onesx was", "the first ones was", "the first one  arrived", "the first of\tthem\fwill", "the first of them",
		"the first of themwas", "xthe first was", "_the first was", "éthe first was", "the first wasn't", "the latest arrived",
		"the lastest was", "thE fiRst was", "the fİrst was", "the firſt was", "the first was ſ", "the  first  was the second were",
		"the first was the  second were", "the first wasthe second were", "the first\u00a0was", "the\vfirst was",
		"the first was, the last will", "the first willx", "the first is", "the third followed", "the final one is",
		"the first  was and the first", "the first x", "THE LAST OF THEM WAS", "the the first was", "thethe first was",
		"the first the first was", "the first was" + strings.Repeat(" ", 9), "th", "the firs", "\u212athe first was"}
	for _, s := range crafted {
		checkOrdinalPhrases(t, s)
	}
	for _, line := range testtext.ArticleLines(t) {
		checkOrdinalPhrases(t, line)
	}
	for _, s := range append(testtext.Phrases(8, 20000, 10, ordinalPhraseWords, ordinalPhraseSeps), builtOrdinalPhrases(20000)...) {
		if checkOrdinalPhrases(t, s); t.Failed() {
			return
		}
	}
}

// builtOrdinalPhrases are n phrases built slot by slot as the pattern
// reads them, each slot filled with one of its words or a near miss, and
// words around them: most match, or nearly.
func builtOrdinalPhrases(n int) []string {
	r := rand.New(rand.NewPCG(8, 9))
	pick := func(words ...string) string { return words[r.IntN(len(words))] }
	slots := [][]string{
		{"", "", "x", "six jets, ", "The first was. ", "_", "é", "a-"},
		{"the", "The", "THE", "tHe", "th", "then", "thé", "the the"},
		ordinalPhraseSeps,
		append([]string{"firs", "lastly", "firſt", "fİrst", "FIRST", "Latest"}, ordinalWords...),
		ordinalPhraseSeps,
		{"", "", "", "one", "ones", "One", "onesx", "of", "of them", "OF	THEM", "of  them", "ofthem", "of the"},
		ordinalPhraseSeps,
		append([]string{"wasn't", "wills", "Were", "IS", "arrive", "follow", "wa"}, ordinalVerbs...),
		{"", "", " over.", "x", "_", "é", "'", " the second were", ", the last of them will"},
	}
	out := make([]string, n)
	for k := range out {
		var b strings.Builder
		for _, slot := range slots {
			b.WriteString(pick(slot...))
		}
		out[k] = b.String()
	}
	return out
}

func FuzzOrdinalPhrases(f *testing.F) {
	for _, s := range []string{"the first was", "The  last of them\twill", "the firſt ones were"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkOrdinalPhrases(t, text)
	})
}

// TestOrdinalsAndBatchesNeedANamedSystem holds up the gate in items that
// leaves ordinals and batches unread while no system is named: with the
// items before a sentence stripped of their names (or none), its
// ordinals and batches give no items, in the written and held-out
// articles and the samples, and in phrases written for it.
func TestOrdinalsAndBatchesNeedANamedSystem(t *testing.T) {
	cat := catalog.MustDefault()
	bodies := []string{"Serbia ordered six Rafale jets. The first was delivered in 2024. A second batch of 12 followed.",
		"Jets were ordered. The first was delivered in March, the last of them arrived in May. The final batch of six aircraft came.",
		"The first batch arrived. The second ones were handed over to Ghana. Another batch followed."}
	for _, name := range articleFiles(t) {
		bodies = append(bodies, parseArticle(t, name).Body)
	}
	phrases := 0
	for _, body := range bodies {
		d := annotate.Annotate(cat, body, "", "2024-06-01", "")
		x := newDocState(d)
		var history []item
		read := x.readable()
		for ri, i := range read {
			text := d.Sentences[i].Text
			items := x.items(nil, i, read[ri+1:], history)
			unnamedHistory, unnamedItems := unnamed(history), unnamed(items)
			if locs, _ := ordinalPhrases(text); locs != nil {
				phrases++
				for _, sofar := range [][]item{nil, unnamedItems} {
					if got := x.ordinalItems(i, locs, unnamedHistory, sofar); len(got) > 0 {
						t.Errorf("%q: ordinals give %d items with no system named", text, len(got))
					}
				}
			}
			if holdsBatch(text) {
				phrases++
				for _, sofar := range [][]item{nil, unnamedItems} {
					if got := x.batchItems(i, unnamedHistory, sofar); len(got) > 0 {
						t.Errorf("%q: batches give %d items with no system named", text, len(got))
					}
				}
			}
			for _, it := range items {
				if it.designation != "" && it.antecedent < 0 {
					history = append(history, it)
				}
			}
		}
		d.Release()
	}
	if phrases < 20 {
		t.Fatalf("only %d sentences with ordinals or batches", phrases)
	}
}

// unnamed is a copy of items with their systems' names taken away.
func unnamed(items []item) []item {
	out := slices.Clone(items)
	for k := range out {
		out[k].designation = ""
	}
	return out
}

// TestOrdinalPhrasesBatchAtEveryPlace holds up the batch search of
// ordinalPhrases, which reads words of 8 bytes and the last bytes apart:
// "batch" (or a near miss) at each place of texts of each length about
// those words.
func TestOrdinalPhrasesBatchAtEveryPlace(t *testing.T) {
	for _, w := range []string{"batch", "BaTcH", "batc", "bat", "ba", "b"} {
		for n := range 26 {
			for at := 0; at+len(w) <= n; at++ {
				text := strings.Repeat("x", at) + w + strings.Repeat("y", n-at-len(w))
				checkOrdinalPhrases(t, text)
				checkOrdinalPhrases(t, strings.Replace(text, "x", "the first was ", 1))
			}
		}
	}
}
