// Package benchfile reads the articles of the benchmark commands.
package benchfile

import (
	"fmt"
	"os"

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
