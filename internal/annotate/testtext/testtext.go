// Package testtext gives the tests that hold a fast matcher to the
// pattern or code it replaced their texts: the lines of the development
// articles, and random phrases of the words the matchers look for.
package testtext

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ArticleLines returns the lines of the bodies of the development articles
// and the samples, for a test run in a folder of internal/; it skips the
// test when there are none.
func ArticleLines(tb testing.TB) []string {
	var files []string
	for _, glob := range []string{"../../../shared/eval/dev/*.txt", "../../samples/*.txt"} {
		fs, _ := filepath.Glob(glob)
		files = append(files, fs...)
	}
	if len(files) == 0 {
		tb.Skip("no article files")
	}
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		body := string(b)
		if i := strings.Index(body, "\n---\n"); i >= 0 {
			body = body[i+5:]
		}
		out = append(out, strings.Split(body, "\n")...)
	}
	return out
}

// Phrases returns n phrases (a tenth of them under -short) of one to
// maxWords of words, some in capitals or in lower case, each word followed
// by one of seps. The same seed gives the same phrases.
func Phrases(seed int64, n, maxWords int, words, seps []string) []string {
	if testing.Short() {
		n /= 10
	}
	rng := rand.New(rand.NewSource(seed))
	out := make([]string, n)
	for k := range out {
		var b strings.Builder
		for w := rng.Intn(maxWords) + 1; w > 0; w-- {
			word := words[rng.Intn(len(words))]
			switch rng.Intn(8) {
			case 0:
				word = strings.ToUpper(word)
			case 1:
				word = strings.ToLower(word)
			}
			b.WriteString(word)
			b.WriteString(seps[rng.Intn(len(seps))])
		}
		out[k] = b.String()
	}
	return out
}
