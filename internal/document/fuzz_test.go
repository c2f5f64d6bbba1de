package document

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func FuzzParse(f *testing.F) {
	f.Add("title: T\npublished: 3 September 2024\n---\nBody text.\n")
	f.Add("url: unknown\r\n---\r\n\r\n")
	f.Add("Plain first line\n\nSecond paragraph.")
	f.Add(chromePage)
	f.Add(`<html><head><script type="application/ld+json">[{"datePublished":1},{"@graph":[{"datePublished":"2024-02-30"}]}]</script></head><body><table><tr><td>a<br>b</td></tr></table></body></html>`)
	f.Add("<p>fragment <b>bold</p></b><div hidden>x</div>")
	f.Add("<div><p>Short text.</p><div class=ad><p>Advertisement</p></div></div><p>Loading...</p>")
	f.Fuzz(func(t *testing.T, in string) {
		for _, source := range []string{"in.txt", "in.html"} {
			doc, err := Parse(source, []byte(in))
			if err != nil {
				continue
			}
			if !utf8.ValidString(doc.Body) {
				t.Fatalf("%s: Body is not valid UTF-8: %q", source, doc.Body)
			}
			if strings.TrimSpace(doc.Body) == "" {
				t.Fatalf("%s: empty Body without an error", source)
			}
			if doc.Published != "" && NormaliseDate(doc.Published) != doc.Published {
				t.Fatalf("%s: Published %q is not normalised", source, doc.Published)
			}
			switch doc.Format {
			case FormatHeader:
				text := strings.ReplaceAll(strings.ReplaceAll(in, "\r\n", "\n"), "\r", "\n")
				if _, body, _ := strings.Cut(text, "\n---\n"); body != doc.Body {
					t.Fatalf("%s: header Body %q is not the text after the header", source, doc.Body)
				}
			case FormatText, FormatHTML:
			default:
				t.Fatalf("%s: unknown Format %q", source, doc.Format)
			}
		}
	})
}

func FuzzNormaliseDate(f *testing.F) {
	for _, s := range []string{"2024-09-03", "2024-09-03T10:00:00Z", "3 September 2024", "September 3, 2024", "Tue, 03 Sep 2024 10:00:00 GMT", "25/12/2024", "20240229", "unknown"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := NormaliseDate(in)
		if out == "" {
			return
		}
		if _, err := time.Parse(time.DateOnly, out); err != nil || len(out) != 10 {
			t.Fatalf("NormaliseDate(%q) = %q, not a YYYY-MM-DD date", in, out)
		}
		if again := NormaliseDate(out); again != out {
			t.Fatalf("NormaliseDate(%q) = %q, but NormaliseDate(%q) = %q", in, out, out, again)
		}
	})
}
