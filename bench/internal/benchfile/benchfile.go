// Package benchfile reads the articles of the benchmark commands.
package benchfile

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/dossier-osint/dossier/internal/document"
)

// Read reads the article at path as Dossier parses it, and its bytes.
func Read(path string) (*document.Document, []byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	doc, err := document.Parse(path, data)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return doc, data, nil
}

// ChromeLines are the lines of site chrome that scrapers leave among an
// article's paragraphs, which the corpus generator writes into its text
// articles as a paragraph of their own.
var ChromeLines = []string{"Share this:", "Read more: Defence budgets rise across the region", "Exit mobile version",
	"Like this:\nLoading...", "Advertisement", "Follow us on Telegram", "Related: Border patrols stepped up after attack"}

// IsChrome says whether a paragraph of a generated article is one of the
// ChromeLines, and so no part of what the article says.
func IsChrome(paragraph string) bool {
	return slices.Contains(ChromeLines, strings.TrimSpace(paragraph))
}

// ArticleText is body without its chrome paragraphs: what a reader of the
// article's web page takes for its text.
func ArticleText(body string) string {
	var kept []string
	for _, p := range strings.Split(body, "\n\n") {
		if !IsChrome(p) {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "\n\n")
}
