package extract

import (
	"strings"
	"testing"

	"github.com/dossier-osint/dossier/internal/annotate/testtext"
	"github.com/dossier-osint/dossier/internal/catalog"
)

// TestSubjectIn holds subjectIn to subjectRe's search, at every byte of
// article lines and of phrases with its words in any case, after word
// bytes or not, at every place of the 64-byte blocks, cut short, and with
// runes that fold into ASCII.
func TestSubjectIn(t *testing.T) {
	texts := testtext.ArticleLines(t)
	for _, w := range subjectWords {
		for _, form := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
			for _, around := range [][2]string{{"", " the Su-35 deal"}, {"x", " talks"}, {"5", " arms"}, {"_", " more"}, {" ", "\t\tjets, and"},
				{"(", "  ab"}, {"é", " ab."}, {"", " “quoted”"}, {"ſ ", " the deal"}, {"", " the \u212aelvin"}, {"", ""}, {"", " "}} {
				for _, pad := range []int{0, 1, 57, 62, 63, 64, 65, 120, 127, 128} {
					texts = append(texts, strings.Repeat("a", pad)+around[0]+form+around[1],
						"met "+strings.Repeat("ab ", pad/3)+around[0]+form+around[1]+" on Monday")
				}
			}
		}
	}
	texts = append(texts, "", "o", "on", "on ", "to diſcuss the deal", "TO DISCUSS arms", "for the construction of a plant",
		"for  the construction of", "\u212a on Monday for talks", "ontology for a deal", strings.Repeat("x", 64)+"on Monday")
	x := &docState{}
	matched := 0
	for _, text := range texts {
		for at := range len(text) + 1 {
			s := text[at:]
			want := ""
			if m := subjectRe.FindSubmatchIndexIn(x.matchRoom[:], s); m != nil {
				want = s[m[2]:m[3]]
				matched++
			}
			if got := x.subjectIn(s); got != want {
				t.Fatalf("subjectIn(%q) = %q, want %q", s, got, want)
			}
		}
	}
	if matched < 1000 {
		t.Errorf("only %d texts hold a subject: the test tells little", matched)
	}
}

// TestWhenByFold holds the ASCII fold search of plannedWhen to
// containsLower: "when" in any case, cut, next to runes that lower into
// ASCII (İ, the Kelvin sign) or fold into it (ſ), in article lines.
func TestWhenByFold(t *testing.T) {
	texts := testtext.ArticleLines(t)
	for _, w := range []string{"when", "WHEN", "wHeN", "whe", "hen", "w\u0130hen", "whenİ", "\u212awhen", "ſwhen", "wh en", "ẃhen"} {
		for _, around := range []string{"", " ", "x", "é", "\xff", "İ", "\u212a"} {
			texts = append(texts, around+w+around, "the chairman "+w+" he visits"+around)
		}
	}
	found := 0
	for _, s := range texts {
		want := containsLower(s, "when")
		if got := catalog.ContainsFoldASCII(s, "when", 0); got != want {
			t.Fatalf("ContainsFoldASCII(%q, \"when\") = %v, want %v", s, got, want)
		}
		if want {
			found++
		}
	}
	if found < 50 {
		t.Errorf("only %d texts hold \"when\": the test tells little", found)
	}
}
