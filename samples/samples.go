// Package samples holds the articles bundled with Dossier for its demo and
// tests: the worked Mali–Norinco example and illustrative articles written
// for this repository.
package samples

import "embed"

// Files are the sample articles, *.txt in the header format.
//
//go:embed *.txt
var Files embed.FS
