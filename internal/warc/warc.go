// Package warc reads web archives (WARC files, plain or gzip-compressed,
// such as CC-NEWS crawls) and yields the HTML and text pages they hold.
package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	gowarc "github.com/internetarchive/gowarc"
)

// Record is the payload of a response record (HTTP headers stripped) or of a
// resource record.
type Record struct {
	URL         string    // WARC-Target-URI
	Date        time.Time // WARC-Date, when the page was captured
	ContentType string    // payload Content-Type as recorded, charset included; sniffed when absent
	Body        []byte
}

// textTypes are the payload media types handed to fn: pages to extract from.
var textTypes = map[string]bool{
	"text/html":             true,
	"application/xhtml+xml": true,
	"text/plain":            true,
}

// Each calls fn for every response or resource record whose payload is HTML
// or text, in file order. Other records (request, metadata, warcinfo,
// revisit, images and other binary payloads) are skipped. A malformed record
// stops the walk with an error naming its 1-based record number; an error
// from fn is returned unchanged.
func Each(r io.Reader, fn func(Record) error) error {
	src, err := openStream(r)
	if err != nil || src == nil {
		return err
	}
	rd, err := gowarc.NewReader(src)
	if err != nil {
		return fmt.Errorf("warc: %w", err)
	}
	defer rd.Close()
	for n := 1; ; n++ {
		rec, err := rd.ReadRecord()
		if err == io.EOF {
			return nil
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return fmt.Errorf("warc record %d: file truncated: %w", n, err)
		}
		if err != nil {
			return fmt.Errorf("warc record %d: %w", n, err)
		}
		out, ok, err := convert(rec)
		rec.Content.Close() // removes the spool file of a large record
		if err != nil {
			if id := rec.Header.Get("WARC-Record-ID"); id != "" {
				return fmt.Errorf("warc record %d %s: %w", n, id, err)
			}
			return fmt.Errorf("warc record %d: %w", n, err)
		}
		if !ok {
			continue
		}
		if err := fn(out); err != nil {
			return err
		}
	}
}

// openStream undoes gzip itself and checks the WARC signature, returning
// nil for empty input. The standard library's multistream gzip reader
// handles both the usual one-member-per-record .warc.gz and a file
// gzipped whole, where gowarc's per-member reader would silently drop every
// record after the first.
func openStream(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	magic, err := br.Peek(2)
	if len(magic) == 0 && err == io.EOF {
		return nil, nil
	}
	src := io.Reader(br)
	if bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("warc: gzip: %w", err)
		}
		br = bufio.NewReader(zr)
		src = br
	}
	sig, err := br.Peek(5)
	if string(sig) != "WARC/" {
		if err != nil && err != io.EOF {
			return nil, fmt.Errorf("warc: %w", err)
		}
		return nil, fmt.Errorf("warc: not a WARC file (starts with %q)", sig)
	}
	return src, nil
}

// convert turns a gowarc record into a Record; ok is false for records
// that Each skips.
func convert(rec *gowarc.Record) (out Record, ok bool, err error) {
	if !strings.HasPrefix(rec.Version, "WARC/") {
		// Also catches stray bytes between records, which gowarc would
		// read as a record with no version line.
		return out, false, fmt.Errorf("bad version line %q", rec.Version)
	}
	h := rec.Header
	blockType := h.Get("Content-Type")
	var body []byte
	switch strings.ToLower(h.Get("WARC-Type")) {
	case "response":
		if isHTTP(blockType) {
			out.ContentType, body, ok, err = httpPayload(rec.Content)
			if err != nil || !ok {
				return out, false, err
			}
			break
		}
		// A response that is not HTTP (dns:, ftp:) holds its payload directly.
		fallthrough
	case "resource":
		out.ContentType = blockType
		if out.ContentType != "" && !isText(out.ContentType) {
			return out, false, nil
		}
		if body, err = io.ReadAll(rec.Content); err != nil {
			return out, false, err
		}
	default:
		return out, false, nil
	}
	if out.ContentType == "" {
		out.ContentType = http.DetectContentType(body)
	}
	if !isText(out.ContentType) {
		return out, false, nil
	}
	out.Body = body
	out.URL = strings.TrimSuffix(strings.TrimPrefix(h.Get("WARC-Target-URI"), "<"), ">") // WARC/1.0 examples use <...>
	if out.Date, err = time.Parse(time.RFC3339Nano, h.Get("WARC-Date")); err != nil {
		return out, false, fmt.Errorf("bad WARC-Date %q", h.Get("WARC-Date"))
	}
	return out, true, nil
}

func isHTTP(blockType string) bool {
	mt, _, _ := mime.ParseMediaType(blockType)
	return mt == "application/http"
}

func isText(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && textTypes[mt]
}

// httpPayload strips the HTTP status line and headers from an HTTP response
// block. ok is false when the payload is not text or uses a content coding
// other than gzip.
func httpPayload(block io.Reader) (contentType string, body []byte, ok bool, err error) {
	br := bufio.NewReader(block)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		return "", nil, false, fmt.Errorf("bad HTTP response: %w", err)
	}
	contentType = resp.Header.Get("Content-Type")
	if contentType != "" && !isText(contentType) {
		return "", nil, false, nil
	}
	var payload io.Reader = br
	if len(resp.TransferEncoding) > 0 {
		// Crawlers that keep the raw chunked stream: net/http has already
		// set resp.Body to undo it.
		payload = resp.Body
	}
	// Otherwise the payload is the rest of the block, whatever the HTTP
	// Content-Length says: a record cut short by the crawler
	// (WARC-Truncated) still yields what it has.
	switch strings.ToLower(resp.Header.Get("Content-Encoding")) {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(payload)
		if err != nil {
			return "", nil, false, fmt.Errorf("gzip content encoding: %w", err)
		}
		payload = zr
	default:
		return "", nil, false, nil
	}
	if body, err = io.ReadAll(payload); err != nil {
		return "", nil, false, fmt.Errorf("HTTP payload: %w", err)
	}
	return contentType, body, true, nil
}
