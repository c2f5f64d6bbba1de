package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/dossier-osint/dossier/internal/annotate"
	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/document"
	"github.com/dossier-osint/dossier/internal/extract"
)

// dossierTool is one of Dossier's jobs as bench/peers/measure.mjs runs a
// peer's: it reads a file's bytes and returns the bytes of text it read
// (the body, or the whole page), a count of what it found and, for the
// quality scores, what it found as JSON.
type dossierTool func(path string, data []byte, ref annotate.Date) (read, units int, output any, err error)

// newDossierTool returns the tool named; only the whole job loads the
// catalog, so that the others' memory is their own.
func newDossierTool(name string) (dossierTool, error) {
	switch name {
	case "dossier": // the whole job: sentences, mentions, dates, quantities and the rules
		cat, err := catalog.Default()
		if err != nil {
			return nil, err
		}
		return func(path string, data []byte, _ annotate.Date) (int, int, any, error) {
			doc, err := document.Parse(path, data)
			if err != nil {
				return 0, 0, nil, err
			}
			return len(doc.Body), len(extract.Document(cat, doc)), nil, nil
		}, nil
	case "dossier-dates":
		// The date recogniser alone, over the whole body as chrono-node
		// reads it. Its dates are as found: moving a past event's implied
		// year back is the extractor's call, made from the tense.
		return func(path string, data []byte, ref annotate.Date) (int, int, any, error) {
			doc, err := document.Parse(path, data)
			if err != nil {
				return 0, 0, nil, err
			}
			found := annotate.FindDates(doc.Body, 0, ref)
			dates := make([]foundDate, len(found))
			for i, m := range found {
				dates[i] = foundDate{Start: runeOffset(doc.Body, m.Start), End: runeOffset(doc.Body, m.End), Value: m.Date.String()}
			}
			return len(doc.Body), len(found), datesOutput{dates}, nil
		}, nil
	case "dossier-html": // main text of a page: go-readability and Dossier's fallbacks
		return func(path string, data []byte, _ annotate.Date) (int, int, any, error) {
			doc, err := document.Parse(path, data)
			if err != nil {
				return 0, 0, nil, err
			}
			return len(data), min(len(strings.TrimSpace(doc.Body)), 1), textOutput{doc.Body}, nil
		}, nil
	}
	return nil, fmt.Errorf("no tool %q", name)
}

// foundDate is a date a recogniser found, in code points of the body.
type foundDate struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Value string `json:"value"`
}

type datesOutput struct {
	Dates []foundDate `json:"dates"`
}

type textOutput struct {
	Text string `json:"text"`
}

// passResult is what a timed measurement prints, on both sides: one pass
// over every file of the list.
type passResult struct {
	Docs    int     `json:"docs"`
	Bytes   int     `json:"bytes"`
	Seconds float64 `json:"seconds"` // wall clock
	// CPUSeconds is the process's user and system time over the pass, all
	// its threads: on one pinned core it equals the wall clock of an idle
	// machine, and other work on a busy one does not inflate it.
	CPUSeconds float64 `json:"cpu_seconds"`
	Units      int     `json:"units"`
}

// listItem is one line of a file list: a path and the reference date of its
// relative dates.
type listItem struct {
	path string
	ref  annotate.Date
}

func readList(name string) ([]listItem, error) {
	lines, err := readLines(name)
	var items []listItem
	for _, line := range lines {
		path, ref, _ := strings.Cut(line, "\t")
		items = append(items, listItem{path, parseRef(ref)})
	}
	return items, err
}

// readLines returns the lines of a text file.
func readLines(name string) ([]string, error) {
	data, err := os.ReadFile(name)
	if err != nil || len(data) == 0 {
		return nil, err
	}
	return strings.Split(strings.TrimSuffix(string(data), "\n"), "\n"), nil
}

// parseRef reads a date written by annotate.Date.String at its precision.
func parseRef(s string) annotate.Date {
	var d annotate.Date
	for i, part := range strings.Split(s, "-") {
		n, err := strconv.Atoi(part)
		if err != nil || i > 2 {
			return annotate.Date{}
		}
		switch i {
		case 0:
			d.Y, d.Precision = n, annotate.Year
		case 1:
			d.M, d.Precision = n, annotate.Month
		case 2:
			d.D, d.Precision = n, annotate.Day
		}
	}
	return d
}

// measure is the child process's side of a measurement, the same protocol
// as bench/peers/measure.mjs:
//
//	measure TOOL time LIST         warms up, times one pass, prints a passResult
//	measure TOOL output LIST OUT   writes one JSON line per file to OUT
func measure(args []string) error {
	if len(args) < 3 {
		return fmt.Errorf("usage: measure TOOL time LIST | TOOL output LIST OUT")
	}
	tool, err := newDossierTool(args[0])
	if err != nil {
		return err
	}
	items, err := readList(args[2])
	if err != nil {
		return err
	}
	switch {
	case args[1] == "time":
		return timePass(tool, items)
	case args[1] == "output" && len(args) == 4:
		return writeOutputs(tool, items, args[3])
	}
	return fmt.Errorf("no mode %q", strings.Join(args[1:], " "))
}

// timePass warms up on the first hundred files, then times a pass over all.
func timePass(tool dossierTool, items []listItem) error {
	if _, err := pass(tool, items[:min(len(items), 100)]); err != nil {
		return err
	}
	start, startCPU := time.Now(), cpuSeconds()
	r, err := pass(tool, items)
	if err != nil {
		return err
	}
	r.Seconds, r.CPUSeconds = time.Since(start).Seconds(), cpuSeconds()-startCPU
	return json.NewEncoder(os.Stdout).Encode(r)
}

// cpuSeconds is the user and system time this process has used.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// pass reads every file and runs the tool on it.
func pass(tool dossierTool, items []listItem) (passResult, error) {
	r := passResult{Docs: len(items)}
	var files fileReader
	for _, it := range items {
		data, err := files.read(it.path)
		if err != nil {
			return r, err
		}
		read, units, _, err := tool(it.path, data, it.ref)
		if err != nil {
			return r, fmt.Errorf("%s: %w", it.path, err)
		}
		r.Bytes += read
		r.Units += units
	}
	return r, nil
}

func writeOutputs(tool dossierTool, items []listItem, out string) error {
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	var files fileReader
	for _, it := range items {
		data, err := files.read(it.path)
		if err != nil {
			return err
		}
		_, _, output, err := tool(it.path, data, it.ref)
		if err != nil {
			return fmt.Errorf("%s: %w", it.path, err)
		}
		if err := enc.Encode(output); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// fileReader reads whole files as Node's fs.readFileSync does on Linux
// (open, read until the end, close), into a buffer it keeps, so that both
// sides of a measurement make the same system calls a file: os.ReadFile
// also registers each file with Go's poller and stats it, two calls more,
// which over the corpora's small articles cost Dossier's side about a
// twentieth of a pass. A tool must not keep the bytes it is given.
type fileReader struct{ buf []byte }

func (r *fileReader) read(path string) ([]byte, error) {
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	r.buf = r.buf[:0]
	for {
		if len(r.buf) == cap(r.buf) {
			r.buf = slices.Grow(r.buf, max(cap(r.buf), 64<<10))
		}
		n, err := syscall.Read(fd, r.buf[len(r.buf):cap(r.buf)])
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return nil, &os.PathError{Op: "read", Path: path, Err: err}
		case n == 0:
			return r.buf, nil
		}
		r.buf = r.buf[:len(r.buf)+n]
	}
}

// runeOffset converts a byte offset of s into code points.
func runeOffset(s string, b int) int { return utf8.RuneCountInString(s[:b]) }
