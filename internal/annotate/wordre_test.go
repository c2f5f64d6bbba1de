package annotate

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-osint/dossier/internal/annotate/testtext"
)

// The word patterns skip the word starts that their start strings and
// tests rule out; these tests check that they find what the pattern alone
// finds at every word start.

var wordPatterns = map[string]*WordRegexp{"shapeRe": shapeRe, "titleRe": titleRe, "orgShapeRe": orgShapeRe}

func checkWordPatterns(t *testing.T, text string) {
	t.Helper()
	for name, w := range wordPatterns {
		got, want := w.FindAllSubmatchIndex(text), refFindAll(w.anchored, text)
		if len(got) != 0 || len(want) != 0 {
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s in %q: got %v, want %v", name, text, got, want)
			}
		}
		// nextAt finds the same matches from the word starts that Annotate
		// lists, each in the room of the one before.
		var room [4]int
		_, starts := wordSpansStarts(text)
		var found [][]int
		for m, rest := w.nextAt(room[:0], text, starts); m != nil; m, rest = w.nextAt(room[:0], text, rest) {
			found = append(found, slices.Clone(m))
		}
		if !reflect.DeepEqual(found, got) {
			t.Errorf("%s.nextAt(%q) finds %v, want %v", name, text, found, got)
		}
		if w.MatchString(text) != (len(want) > 0) {
			t.Errorf("%s.MatchString(%q) = %v", name, text, len(want) == 0)
		}
		if in, first := w.FindSubmatchIndexIn(room[:], text), w.FindSubmatchIndex(text); !reflect.DeepEqual(in, first) {
			t.Errorf("%s.FindSubmatchIndexIn(%q) = %v, want %v", name, text, in, first)
		}
	}
}

// TestFindSubmatchIndexInAllocatesNothing: a pattern whose matcher appends
// finds its match in the caller's room.
func TestFindSubmatchIndexInAllocatesNothing(t *testing.T) {
	var room [4]int
	text := "Then President Assimi Goita said so."
	if titleRe.FindSubmatchIndexIn(room[:], text) == nil {
		t.Fatalf("titleRe finds nothing in %q", text)
	}
	if n := testing.AllocsPerRun(100, func() { titleRe.FindSubmatchIndexIn(room[:], text) }); n != 0 {
		t.Errorf("FindSubmatchIndexIn allocates %v times a run", n)
	}
}

// checkMatchedBy checks the hand-written matchers against their patterns
// at every byte of text.
func checkMatchedBy(t *testing.T, text string) {
	t.Helper()
	for i := range len(text) + 1 {
		if got, want := appendTitleMatch(nil, text[i:]), titleRe.anchored.FindStringSubmatchIndex(text[i:]); !reflect.DeepEqual(got, want) {
			t.Errorf("appendTitleMatch(%q) = %v, want %v", text[i:], got, want)
		}
		if got, want := appendShapeMatch(nil, text[i:]), shapeRe.anchored.FindStringSubmatchIndex(text[i:]); !reflect.DeepEqual(got, want) {
			t.Errorf("appendShapeMatch(%q) = %v, want %v", text[i:], got, want)
		}
		if got, want := appendOrgShapeMatch(nil, text[i:]), orgShapeRe.anchored.FindStringSubmatchIndex(text[i:]); !reflect.DeepEqual(got, want) {
			t.Errorf("appendOrgShapeMatch(%q) = %v, want %v", text[i:], got, want)
		}
	}
}

func TestWordPatternsFindWhatTheyFindEverywhere(t *testing.T) {
	for name, w := range wordPatterns {
		if !w.lettersFirst {
			t.Errorf("%s can begin with a byte other than an ASCII letter: nextAt cannot run it", name)
		}
	}
	for _, s := range devSentences(t) {
		checkWordPatterns(t, s)
		checkMatchedBy(t, s)
	}
}

// wordPatternWords are words the patterns look for, and near misses.
var wordPatternWords = strings.Fields(`President President-General Prime Minister Armed Forces Defence Defense Foreign
	Finance Interior Economy Trade Mines minister of and Deputy deputy defence Colonel Col. General Gen. Lieutenant Lt.
	Major Maj. Brigadier Admiral Vice Rear Air Marshal Commander Captain Ambassador Secretary Chancellor King Prince
	Sheikh Emir Director chairman Chairman CEO chief Chief executive Executive Staff staff spokesperson Spokesman envoy
	Transitional Former Acting al el de da van von bin ben Goïta Assimi Sadio Camara O'Neil Ng’ombe Ana-Maria X
	Group Groups Company Corporation Corp Corp. Industries Systems Metals Mining Minerals Aerospace Technologies
	Holdings Motors Shipyard Shipbuilding Bank Resources Energy Electronics Dynamics Defence Defense Engineering
	Logistics Limited Ltd Inc Inc. Qilin Nonferrous Smith&Wesson A-B The China Türk Éire
	CS/VN17 CS VN17 Hudhud-30 KM450 EQ2050 KM 450 AB12CD-X1 ABCDE/F1 Z9 T-72B3 F-16V 2024 12 ABCDEFGHI12 M1A2/SEP
	said the a in at 6x6 4×4 president general group company ltd king Veterans Affairs and of Of Sadio al-Bashir
	van der Berg bin Zayed de, el da-Silva Col.Smith Gen., ABCD/EF12 ABCDE/F1 Abcdefgh1 Abcdefghi1 A-1234X-AB1 B 12345
	CH-47F/X C-130J-30 Mi-17V5 T-90MS Su-30MKI2/AB12C Spokeſman ſtaff King K`)

func TestWordPatternsFindWhatTheyFindEverywhereOnRandomPhrases(t *testing.T) {
	for _, s := range testtext.Phrases(2, 20000, 8, wordPatternWords, equivSeps) {
		if checkWordPatterns(t, s); t.Failed() {
			return
		}
		checkMatchedBy(t, s)
	}
}

// TestMatchOrgShapeBacksOff checks appendOrgShapeMatch where the pattern must
// give words back: a name after "of" cut short by \b, closing words glued
// to more, more than four words.
func TestMatchOrgShapeBacksOff(t *testing.T) {
	for _, s := range []string{"Acme Metals of Türk2024", "Acme Metals of Zé_1", "Qilin Nonferrous Metals of Zambia2",
		"Acme Corp. Ltd", "Acme Corp.x", "Acme Corp", "Acme Corporation.", "Alpha Beta Gamma Delta Epsilon Group",
		"A-B Smith&Wesson Inc.", "Acme Groups Group", "Acme  Group\tof\nZambiaé1", "Acme Group of", "Acme Group of Z",
		"Acme Group ofZambia", "Acme Group of zambia", "Ab Shipyard", "Ab Shipbuildings", "Défense Group",
		"Acme Defense Defence", "Ab Cd Ef Gh Ij Group", "Ab Cd\u00a0Group", "Ab Ltd_", "Ab Inc.1", "Ab\xffCd Group"} {
		checkMatchedBy(t, s)
		checkWordPatterns(t, s)
	}
}

func FuzzWordPatterns(f *testing.F) {
	for _, s := range []string{"Defence Minister Sadio Camara", "Qilin Nonferrous Metals of Zambia", "CS/VN17 vehicles",
		"Acme Metals of Türk2024", "Acme Corp. Ltd"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkWordPatterns(t, text)
		checkMatchedBy(t, text)
	})
}

// TestLastOrgWord checks lastOrgWord against a search for each of
// orgWords at the word starts, and that orgShapeRe's matches begin before
// the last.
func TestLastOrgWord(t *testing.T) {
	texts := append(devSentences(t), testtext.Phrases(4, 2000, 8, wordPatternWords, equivSeps)...)
	for _, s := range append(texts, "", "G", "Grou", "xGroup", "Shi", "Ship", "\xffLtd") {
		want := false
		for _, w := range orgWords {
			for i := range len(s) {
				if strings.HasPrefix(s[i:], w) && wordStart(s, i) {
					want = true
				}
			}
		}
		_, starts := wordSpansStarts(s)
		last := lastOrgWord(s, starts)
		if got := last >= 0; got != want {
			t.Errorf("lastOrgWord(%q) >= 0 is %v", s, got)
		}
		for _, m := range orgShapeRe.FindAllSubmatchIndex(s) {
			if last < 0 || m[0] >= starts[last] {
				t.Errorf("orgShapeRe matches %q at %d, not before the last closing word", s, m[0])
			}
		}
	}
}

// TestOrgWordBegunByKeys: the first test and the keys of eight bytes find
// what HasPrefix finds, at every byte of texts of orgWords whole, cut and
// in other cases, near the texts' ends.
func TestOrgWordBegunByKeys(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	parts := append([]string{"A", " ", "-", "é", "\xff", "Co", "CORP", "Defense", "Minister"}, orgWords...)
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(4) {
			p := parts[rng.IntN(len(parts))]
			switch rng.IntN(4) {
			case 0:
				p = p[:rng.IntN(len(p)+1)]
			case 1:
				p = strings.ToLower(p)
			}
			b.WriteString(p)
		}
		text := b.String()
		for i := range len(text) {
			want := slices.ContainsFunc(orgWords, func(w string) bool { return strings.HasPrefix(text[i:], w) })
			if got := orgWordMayBegin(text, i) && orgWordBegunBy(text[i:]); got != want {
				t.Fatalf("orgWord at %d of %q: %v, want %v", i, text, got, want)
			}
		}
	}
}

// TestStartsBeforeIsBinarySearch: startsBefore, which walks back, cuts
// the starts where a binary search does.
func TestStartsBeforeIsBinarySearch(t *testing.T) {
	rng := rand.New(rand.NewPCG(51, 52))
	for range 2000 {
		var starts []int
		for i := range rng.IntN(12) {
			starts = append(starts, 3*i+rng.IntN(3))
		}
		for at := -1; at < 40; at++ {
			if k, _ := slices.BinarySearch(starts, at); len(startsBefore(starts, at)) != k {
				t.Fatalf("startsBefore(%v, %d) = %v, want %v", starts, at, startsBefore(starts, at), starts[:k])
			}
		}
	}
}

// TestShapesBeginBeforeTheLastDigit: findMentions tries shapeRe only at
// the word starts before the last digit of the text.
func TestShapesBeginBeforeTheLastDigit(t *testing.T) {
	texts := append(devSentences(t), testtext.Phrases(4, 2000, 8, wordPatternWords, equivSeps)...)
	for _, s := range append(texts, "KM450", "A1", "CS/VN17 x", "EQ2050-A1") {
		for _, m := range shapeRe.FindAllSubmatchIndex(s) {
			if last := lastByteIn(s, '0', '9'); m[0] >= last {
				t.Errorf("shapeRe matches %q at %d, not before the last digit at %d", s, m[0], last)
			}
		}
	}
}

// TestNotShape checks notShape against the pattern it stands for.
func TestNotShape(t *testing.T) {
	re := regexp.MustCompile(`^(?:` + notShapeWords + `)\b`)
	words := append(strings.Split(notShapeWords, "|"), wordPatternWords...)
	for _, w := range append(words, "", "G7", "G-7", "G_1", "Gé", "Mk2", "Mk.2", "Mk 2", "Types", "type-2", "Mar-25",
		"iPhone15", "Block-III", "Blocks", "COVID-19", "No.", "AB", "Ä1", "Day\u00a0One") {
		for _, s := range []string{w, w + "1", w + "-1", w + "x"} {
			if got, want := notShape(s), re.MatchString(s); got != want {
				t.Errorf("notShape(%q) = %v, want %v", s, got, want)
			}
		}
	}
}

// countedGapPattern has a counted gap between its words, which the start
// strings must read only as far as they reach, not to its eightieth
// repeat.
const countedGapPattern = `(?i)\b(?:signed|inked)\b(?:[^.;]|\.\d){0,80}?\b(deals?|accords?)\b`

// TestCountedGapSearchFindsWhatTheRegexpFinds checks the start strings of
// a counted gap: a search that skips word starts by them finds what the
// regexp alone finds.
func TestCountedGapSearchFindsWhatTheRegexpFinds(t *testing.T) {
	w := MustCompileSearch(countedGapPattern)
	if w.starts.prefixLen == 0 {
		t.Fatalf("%s has no start strings to skip word starts by", countedGapPattern)
	}
	words := strings.Fields("signed inked Signed INKED deal deals accord Accords the arms 3.5 12 ; . sign deal-making")
	for _, s := range testtext.Phrases(3, 5000, 10, words, equivSeps) {
		if got, want := w.FindAllSubmatchIndex(s), w.plain.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Fatalf("in %q: got %v, want %v", s, got, want)
		}
	}
}

// BenchmarkCompileCountedGap measures what a counted gap costs at start-up.
func BenchmarkCompileCountedGap(b *testing.B) {
	for range b.N {
		MustCompileSearch(countedGapPattern)
	}
}

// pairPatterns try the first two bytes' table (pairs) on choices of words,
// case folded (the Kelvin sign folds to k), runes beyond ASCII, a class
// that holds U+FFFD, which Go's regexp reads for a byte that is not UTF-8,
// and patterns whose starts are not all listed.
var pairPatterns = []string{titleRe.pattern, shapeRe.pattern, orgShapeRe.pattern, countedGapPattern,
	`(?i)\b(?:kilo|sky|ka)\w*`, `\b(?:Türk|Éire|[ÀÉ]tat)`, `[a\x{FFFD}é][b\x{FFFD}]`, `\b\w+`, `\b(?:x|y\d|z\p{L})`, `\b[\p{Lu}\d]\w+`}

// TestPairsAdmitEveryMatch checks that the table of first bytes lets
// through every byte where the pattern, anchored there, matches.
func TestPairsAdmitEveryMatch(t *testing.T) {
	texts := append(devSentences(t), testtext.Phrases(5, 5000, 6, append(wordPatternWords, "Kilo", "\u212aa", "sky", "\xff",
		"a\xff", "\xffb", "\xff\xff", "é\xff", "yé", "y1", "zé", "Türk", "ÉIRE", "État", "\u00e9b"), equivSeps)...)
	for _, pattern := range pairPatterns {
		w := MustCompileWords(pattern)
		for _, text := range texts {
			for i := range len(text) {
				if m := w.anchored.FindStringIndex(text[i:]); m != nil && m[1] > 0 && !pairAllows(&w.pairs, text, i) {
					t.Fatalf("%s matches %q at %d, which its pairs rule out", pattern, text, i)
				}
			}
		}
	}
}

// TestOrgWordsBeginListedStarts: lastOrgWord looks for orgShapeRe's
// closing words only at the listed word starts, so their first letters
// must be among mentionFirsts.
func TestOrgWordsBeginListedStarts(t *testing.T) {
	for _, w := range orgClosings {
		if !mentionFirsts[w[0]] {
			t.Errorf("%q begins with a letter the word starts do not list", w)
		}
	}
}

// findMentions reads a person's titles again where the name begins with
// titleRe.matchAt(text[a:], 0), for what titleRe.FindSubmatchIndex(text[a:])
// finds when its match starts there: the two agree at every byte of built
// title phrases and of random text.
func TestTitleMatchAtIsFindAtStart(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 13))
	titled := strings.Fields(`President Prime Minister Defence Foreign Minister of and Deputy Acting Rear Vice Admiral
		Gen. Col. General spokesperson Spokesman Chief of Staff Ambassador Sadio Camara Roy Trinidad al-Bashir O'Neil
		Goïta Ana-Maria van der bin Zayed said the`)
	texts := append(devSentences(t), testtext.Phrases(3, 20000, 8, wordPatternWords, equivSeps)...)
	texts = append(texts, testtext.Phrases(4, 20000, 7, titled, []string{" ", " ", ", ", "  ", "\n", "-"})...)
	letters := []string{"A", "a", "M", "m", "G", "en", "Col", ".", ",", " ", "  ", "\t", "-", "'", "’", "al", "é", "É", "\u00a0", "1", "_", "\xff"}
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(16) {
			b.WriteString(letters[rng.IntN(len(letters))])
		}
		texts = append(texts, b.String())
	}
	var room [4]int
	matched := 0
	for _, text := range texts {
		for a := range len(text) {
			var want []int
			if in := titleRe.FindSubmatchIndex(text[a:]); in != nil && in[0] == 0 {
				want = in
			}
			got := titleRe.matchAt(room[:0], text[a:], 0)
			if !slices.Equal(got, want) || (got == nil) != (want == nil) {
				t.Fatalf("titleRe.matchAt(%q, 0) = %v, FindSubmatchIndex finds %v", text[a:], got, want)
			}
			if got != nil {
				matched++
			}
		}
	}
	if matched < 2000 {
		t.Errorf("only %d titles matched: the test tries too few", matched)
	}
}

// refAdmits is startSet.admits looking up the bytes at i, packed anew, in
// the strings of every length, without the prefixes.
func refAdmits(s *startSet, text string, i int) bool {
	if s.prefixLen == 0 {
		return true
	}
	for n, keys := range s.keys {
		if keys.slots != nil && i+n <= len(text) && keys.has(startKey(text, i, n, s.fold)) {
			return true
		}
	}
	return false
}

// admits, which reads the bytes at i once and looks up only the lengths
// that its prefix begins strings of, lets through what looking them up in
// the strings of every length does, and mayAdmit lets all of that through:
// at every byte of texts of the patterns' words, whole, cut and in other
// cases, near the texts' ends.
func TestAdmitsReadsTheBytesOnce(t *testing.T) {
	folded := MustCompileWords(`(?i)\b(?:chief|chairman|ceo|envoy of|enVOYS|kit)\b`)
	rng := rand.New(rand.NewPCG(21, 22))
	parts := []string{"President", "Prime Minister", "Col.", "CEO", "Ceo", "co", "KIT", "kIt", "Chief", "chairman", "ENVOY of",
		"Qilin", "Metals", "Group", "CS/VN17", "KM450", "A", " ", ".", "é", "\xff"}
	for _, w := range []*WordRegexp{titleRe, orgShapeRe, shapeRe, folded} {
		for range 20000 {
			var b strings.Builder
			for range rng.IntN(5) {
				p := parts[rng.IntN(len(parts))]
				if rng.IntN(3) == 0 {
					p = p[:rng.IntN(len(p)+1)]
				}
				b.WriteString(p)
			}
			text := b.String()
			for i := range len(text) {
				if got, want := w.starts.admits(text, i), refAdmits(&w.starts, text, i); got != want {
					t.Fatalf("%s: admits(%q, %d) = %v, want %v", w, text, i, got, want)
				}
				if w.starts.admits(text, i) && !w.starts.mayAdmit(text, i) {
					t.Fatalf("%s: mayAdmit(%q, %d) turns down a start that admits lets through", w, text, i)
				}
			}
		}
	}
}
