// Command corpus writes a deterministic corpus of news-like articles for
// benchmarks: varied states, makers, systems, numbers, dates, phrasing and
// site boilerplate, drawn from the catalog with a seeded generator. With
// -html it also writes each article as a web page in invented site chrome,
// for main-text extraction; -with adds real articles (the dev set) first.
//
//	go run ./bench/corpus -n 10000 -out /tmp/corpus -seed 1
//	go run ./bench/corpus -mb 10 -with ../shared/eval/dev -out /tmp/c -html /tmp/c-html
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/dossier-osint/dossier/bench/internal/benchfile"
	"github.com/dossier-osint/dossier/internal/catalog"
)

func main() {
	n := flag.Int("n", 10000, "articles to write (unless -mb is given)")
	mb := flag.Float64("mb", 0, "write articles until the text files, -with ones included, hold this many megabytes (10^6 bytes)")
	out := flag.String("out", "corpus", "folder to write the .txt articles to")
	htmlOut := flag.String("html", "", "folder to write each article as an .html page to, if any")
	with := flag.String("with", "", "folder of .txt articles to include first, under the folder's own name")
	seed := flag.Uint64("seed", 1, "random seed: the same seed writes the same corpus")
	flag.Parse()
	c := corpusWriter{out: *out, htmlOut: *htmlOut}
	if err := c.write(*n, *mb, *with, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
}

// corpusWriter writes articles as text files and, when htmlOut is set, as
// pages under the same relative names.
type corpusWriter struct {
	out, htmlOut string
	bytes        int
	news         *newsWriter
}

func (c *corpusWriter) write(n int, mb float64, with string, seed uint64) error {
	cat, err := catalog.Default()
	if err != nil {
		return err
	}
	c.news = newNewsWriter(cat, seed)
	if with != "" {
		if err := c.include(with); err != nil {
			return err
		}
	}
	for i := 0; mb > 0 && float64(c.bytes) < mb*1e6 || mb <= 0 && i < n; i++ {
		a := c.news.next()
		if err := c.save(filepath.Join(fmt.Sprintf("%03d", i/1000), fmt.Sprintf("article-%06d", i)), a); err != nil {
			return err
		}
	}
	return nil
}

// include copies the .txt articles of dir, which keep their own header.
func (c *corpusWriter) include(dir string) error {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return err
	}
	for _, f := range files {
		doc, data, err := benchfile.Read(f)
		if err != nil {
			return err
		}
		name := filepath.Join(filepath.Base(dir), strings.TrimSuffix(filepath.Base(f), ".txt"))
		a := article{url: doc.URL, title: doc.Title, published: doc.Published, body: doc.Body}
		if err := c.writeFile(filepath.Join(c.out, name+".txt"), string(data)); err != nil {
			return err
		}
		if err := c.savePage(name, a); err != nil {
			return err
		}
	}
	return nil
}

// save writes a generated article under name (no extension).
func (c *corpusWriter) save(name string, a article) error {
	if err := c.writeFile(filepath.Join(c.out, name+".txt"), a.text()); err != nil {
		return err
	}
	return c.savePage(name, a)
}

func (c *corpusWriter) savePage(name string, a article) error {
	if c.htmlOut == "" {
		return nil
	}
	page := c.news.page(a)
	return os.WriteFile(filepath.Join(c.htmlOut, name+".html"), []byte(page), 0o644)
}

// writeFile writes a text article, creating its folders (and the page
// folder's twin), and counts its bytes.
func (c *corpusWriter) writeFile(path, text string) error {
	dirs := []string{filepath.Dir(path)}
	if c.htmlOut != "" {
		rel, err := filepath.Rel(c.out, filepath.Dir(path))
		if err != nil {
			return err
		}
		dirs = append(dirs, filepath.Join(c.htmlOut, rel))
	}
	for _, d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	c.bytes += len(text)
	return os.WriteFile(path, []byte(text), 0o644)
}
