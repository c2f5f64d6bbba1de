package extract

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-osint/dossier/internal/annotate/testtext"
)

// TestGovernedItemsReadAsAgain checks the readings appendTransfersOf takes
// from what distracted read: for every item of the written and held-out
// articles and the samples, read as transfers reads it (with the records
// before it in x.done), the count before it and its governors are what
// reading the item again gives.
func TestGovernedItemsReadAsAgain(t *testing.T) {
	reused := 0
	readItems(t, nil, itemWalk{item: func(name string, x *docState, it item, _ []*transfer) {
		r := x.governedItemOf(&it)
		if r == nil {
			return
		}
		reused++
		qty := x.quantityBefore(&it)
		if !reflect.DeepEqual(r.qty, qty) || !reflect.DeepEqual(r.govs, x.governors(&it, qty)) {
			t.Errorf("%s: item %q of sentence %d: kept %+v, %+v; read again %+v, %+v",
				name, x.text(it.start, it.end), it.sent, r.qty, r.govs, qty, x.governors(&it, qty))
		}
	}})
	if reused < 100 {
		t.Fatalf("only %d items read again", reused)
	}
}

// TestDeniedReportAskedLast holds up appendTransfersOf asking deniedReport
// only after reading an item's records: for every item whose report is
// denied, in the articles, reading its records changes none of the
// records before it (x.done), so dropping them after is as good as never
// reading them.
func TestDeniedReportAskedLast(t *testing.T) {
	denied := 0
	reports := []string{
		"Earlier this month a newspaper reported that Fiji had agreed to buy two Bayraktar TB2 drones from Turkey. The ministry dismissed the report as baseless.",
		"Rumours last month that Fiji had bought armed drones from Israel were pure invention, the minister said.",
		"The ministry denied reports that Serbia was buying Chinese drones, but confirmed it signed a contract for 12 Rafale jets in April.",
		"Serbia ordered 12 Rafale jets in 2023. A paper reported that Serbia had also agreed to buy 12 more Rafale jets and six H145M helicopters from France. The ministry denied the report.",
	}
	readItems(t, reports, itemWalk{item: func(name string, x *docState, it item, out []*transfer) {
		if !x.deniedReport(it.sent, it.start) {
			return
		}
		denied++
		before := make([]transfer, len(out))
		for k, r := range out {
			before[k] = *r
		}
		if got := x.appendTransfersOf(out, &it); len(got) != len(out) {
			t.Errorf("%s: item %q of a denied report gives %d records", name, x.text(it.start, it.end), len(got)-len(out))
		}
		for k, r := range x.done {
			if !reflect.DeepEqual(*r, before[k]) {
				t.Errorf("%s: reading item %q of a denied report changes record %d: %+v, was %+v",
					name, x.text(it.start, it.end), k, *r, before[k])
			}
		}
	}})
	if denied < len(reports) {
		t.Fatalf("only %d items of a denied report", denied)
	}
}

// TestByteSetIsContainsAny checks the gap marks against
// strings.ContainsAny, on texts with runes beyond ASCII and miscoded
// bytes, and mayIncludeAfter's cut at the first full stop or semicolon
// against strings.IndexAny.
func TestByteSetIsContainsAny(t *testing.T) {
	texts := append([]string{"", ",", "a;b", "(", "é", "\xff.", "\xc3", "“x”", "a b c d e f g h i j", "twelve of them:"},
		testtext.ArticleLines(t)...)
	texts = append(texts, testtext.Phrases(7, 2000, 8, patternWords, patternSeps)...)
	for _, chars := range []string{",;", ",;:()", ",;.()", ".;", "\x00"} {
		set := byteSetOf(chars)
		for _, s := range texts {
			if got, want := set.in(s), strings.ContainsAny(s, chars); got != want {
				t.Errorf("byteSetOf(%q).in(%q) = %v, want %v", chars, s, got, want)
			}
		}
	}
	for _, s := range texts {
		cut := s
		if k := strings.IndexAny(s, ".;"); k >= 0 {
			cut = s[:k]
		}
		head := cut
		if k := strings.IndexByte(cut, ','); k >= 0 {
			head = cut[:k]
		}
		if got, want := mayIncludeAfter(s), strings.Contains(head, ":") || mayHoldFold(cut, includingWords.words...); got != want {
			t.Errorf("mayIncludeAfter(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestSignedLeadKeepsEveryMatch checks that signedLead turns away no text
// that signedOpener matches, on built sentences and random phrases.
func TestSignedLeadKeepsEveryMatch(t *testing.T) {
	texts := append([]string{"It was signed", " \tIt was signed", "\u00a0It was signed", "The contract was signed in May",
		"This deal, worth $1bn, was inked", "That order were concluded", "\nThe agreement was concluded.", "Its deal was signed",
		"The  contract was signed", "the contract was signed"}, testtext.ArticleLines(t)...)
	words := append([]string{"It", "The", "This", "That", "contract", "deal", "agreement", "order", "was", "were", "signed",
		"inked", "concluded"}, patternWords...)
	texts = append(texts, testtext.Phrases(11, 5000, 8, words, []string{" ", " ", " ", "\t", "\n", ", ", ";"})...)
	for _, lead := range []string{"", " ", "\t\n", "\f\r "} {
		for _, subject := range []string{"It", "The contract", "This deal", "That agreement", "The order", "Its order",
			"The contracts", "That dealer", "This orderly deal", "The Contract", "The  deal", "That"} {
			for _, verb := range []string{"was signed", "were inked", "was concluded", "is signed"} {
				texts = append(texts, lead+subject+" "+verb, lead+subject+", worth $2bn, "+verb+" in May")
			}
		}
	}
	var led []string
	for _, s := range texts {
		led = append(led, s, " "+s, "\n"+s)
	}
	checkGateKeepsMatches(t, "signedLead", signedOpener, signedLead, led, 20)
}

// TestNotWordRuneOfASCII checks notWordRune's reading of ASCII against
// the unicode tables it uses beyond it.
func TestNotWordRuneOfASCII(t *testing.T) {
	for r := rune(0); r < 0x80; r++ {
		lower := unicode.ToLower(r)
		if want := !unicode.IsLetter(lower) && !unicode.IsDigit(lower) && lower != '-'; notWordRune(r) != want {
			t.Errorf("notWordRune(%q) = %v, want %v", r, !want, want)
		}
	}
}

// TestIsGivingVerbFoldsAsEqualFold checks isGivingVerb against
// strings.EqualFold, on the verbs in other cases, with a long s or a
// Kelvin sign, cut short or run on.
func TestIsGivingVerbFoldsAsEqualFold(t *testing.T) {
	var verbs []string
	for _, v := range givingVerbs {
		verbs = append(verbs, v, strings.ToUpper(v), strings.ToUpper(v[:1])+v[1:], v[:len(v)-1], v+"s", " "+v,
			strings.ReplaceAll(v, "s", "\u017f"), strings.ReplaceAll(v, "k", "\u212a"), strings.ReplaceAll(v, "e", "é"))
	}
	verbs = append(verbs, "", "x", "GAVE", "Handed Over", "hands  over")
	for _, verb := range verbs {
		want := slices.ContainsFunc(givingVerbs, func(v string) bool { return strings.EqualFold(v, verb) })
		if got := isGivingVerb(verb); got != want {
			t.Errorf("isGivingVerb(%q) = %v, want %v", verb, got, want)
		}
	}
}

// TestTrimsAreTheCutsets checks skipRegexpSpace, skipNonSpace,
// lastSpaceRun and allDigits against the strings functions they stand for.
func TestTrimsAreTheCutsets(t *testing.T) {
	texts := append([]string{"", " ", " \t\n\f\r", "\v x \v", "\u00a0x\u00a0", " more ", "2200", "22a0", "٣", "\xff "},
		testtext.Phrases(13, 2000, 4, patternWords, patternSeps)...)
	for _, s := range texts {
		if got, want := s[skipRegexpSpace(s, 0):], strings.TrimLeft(s, " \t\n\f\r"); got != want {
			t.Errorf("skipRegexpSpace(%q, 0) leaves %q, want %q", s, got, want)
		}
		want := strings.IndexAny(s, " \t\n\f\r")
		if want < 0 {
			want = len(s)
		}
		if got := skipNonSpace(s, 0); got != want {
			t.Errorf("skipNonSpace(%q, 0) = %d, want %d", s, got, want)
		}
		if got, want := s[:lastSpaceRun(s, len(s))], strings.TrimRight(s, " \t\n\f\r"); got != want {
			t.Errorf("lastSpaceRun(%q) keeps %q, want %q", s, got, want)
		}
		if got, want := allDigits(s), strings.TrimLeft(s, "0123456789") == ""; got != want {
			t.Errorf("allDigits(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestClauseOpeningIsFirstOfEach checks clauseOpening's one pass against
// the first opening of each conjunction, searched for apart.
func TestClauseOpeningIsFirstOfEach(t *testing.T) {
	opening := func(text string) int {
		first := -1
		for _, conj := range []string{", and ", ", while ", ", whereas "} {
			for k := strings.Index(text, conj); k >= 0; {
				next := text[k+len(conj):]
				if r, _ := utf8.DecodeRuneInString(next); unicode.IsUpper(r) || strings.HasPrefix(next, "it ") || strings.HasPrefix(next, "they ") {
					if first < 0 || k < first {
						first = k
					}
					break
				}
				j := strings.Index(next, conj)
				if j < 0 {
					break
				}
				k += len(conj) + j
			}
		}
		return first
	}
	words := []string{"and", "while", "whereas", "it", "they", "It", "Mali", "the", "jets", "É", "ó", "x"}
	texts := append(testtext.ArticleLines(t), testtext.Phrases(17, 5000, 10, words, []string{" ", ", ", ",", ", , "})...)
	for _, text := range texts {
		if got, want := clauseOpening(text), opening(text); got != want {
			t.Errorf("clauseOpening(%q) = %d, want %d", text, got, want)
		}
	}
}

// TestHoldsBatchIsInLower checks holdsBatch, and replaced's search, against
// the searches they stand for.
func TestHoldsBatchIsInLower(t *testing.T) {
	texts := append([]string{"", "batch", "BATCH", "Batch", "bAtCh", "batc", "atch", "bbatch", "a batc batch", "b", "B",
		"xxxxxxxxxxxxxxxxbatch", "BATC\u212a", "baTCH\xff", "ba tch", "batches", "İbatch",
		"replac", "REPLACE", "rePlaced", "eplac", "p", "P", "xreplacing", "repla", "ſ", "\u212a", "replaſ", "re place"}, testtext.ArticleLines(t)...)
	texts = append(texts, testtext.Phrases(19, 3000, 8, []string{"batch", "Batch", "bat", "ch", "a", "b", "B", "replace", "Replaced", "re",
		"plac", "p", "P", "ſ"}, patternSeps)...)
	for _, text := range texts {
		if got, want := holdsBatch(text), batchWord.inLower(text); got != want {
			t.Errorf("holdsBatch(%q) = %v, want %v", text, got, want)
		}
		// "replac" holds no letter a rune beyond ASCII folds or lowers to.
		want := strings.Contains(strings.ToLower(text), "replac")
		if got := replacByP.heldIn(text); got != want {
			t.Errorf("replaced's search of %q = %v, want %v", text, got, want)
		}
	}
}

// TestShortestServiceObject checks that no object serviceObject reads
// is shorter than shortestServiceObject: each of serviceNouns with each
// word after it, and with "to" and the people who use the item
// (serviceUsers).
func TestShortestServiceObject(t *testing.T) {
	for noun := range serviceNouns {
		objects := []string{noun + " for", noun + " about", noun + " on", noun + " of"}
		for user := range itemUsers {
			objects = append(objects, noun+" to "+user+" of", noun+" to the "+user+" for")
		}
		for _, object := range objects {
			if len(object) < len(shortestServiceObject) {
				t.Errorf("%q is shorter than shortestServiceObject", object)
			} else if !serviceObject(object) {
				t.Errorf("serviceObject(%q) is false", object)
			}
		}
	}
}
