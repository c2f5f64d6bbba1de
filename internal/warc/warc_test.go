package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	gowarc "github.com/internetarchive/gowarc"
)

const pageHTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Navy orders corvettes</title></head>
<body><article><h1>Navy orders four corvettes</h1>
<p>The defence ministry signed a contract for four corvettes, with deliveries from 2028.</p>
</article></body></html>
`

const noteText = "Transfer register note: 12 howitzers delivered in March.\n"

// pngBytes is the start of a PNG file: enough to be binary and sniffed as
// an image.
var pngBytes = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00")

// rec renders one WARC record by hand: version, headers, blank line, block,
// and the two CRLFs that end a record.
func rec(typ, uri, date, contentType string, block []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s-0000>\r\nWARC-Date: %s\r\n", typ, typ, date)
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	if contentType != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", contentType)
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(block))
	b.Write(block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

func httpResponse(headers string, body []byte) []byte {
	return append([]byte("HTTP/1.1 200 OK\r\n"+headers+"\r\n"), body...)
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

const (
	date1 = "2025-03-04T10:11:12Z"
	date2 = "2025-03-04T10:11:13.250Z" // WARC/1.1 allows fractions
)

// sampleRecords is a small crawl: one record of each kind Each must skip or
// return, in file order.
func sampleRecords() [][]byte {
	chunked := "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n" +
		"8\r\nchunked \r\n4\r\nbody\r\n0\r\n\r\n"
	return [][]byte{
		rec("warcinfo", "", date1, "application/warc-fields", []byte("software: dossier-test\r\nformat: WARC File Format 1.0\r\n")),
		rec("request", "https://news.example/corvettes", date1, "application/http; msgtype=request",
			[]byte("GET /corvettes HTTP/1.1\r\nHost: news.example\r\n\r\n")),
		rec("response", "https://news.example/corvettes", date1, "application/http; msgtype=response",
			httpResponse("Content-Type: text/html; charset=utf-8\r\nContent-Length: "+fmt.Sprint(len(pageHTML))+"\r\n", []byte(pageHTML))),
		rec("response", "https://news.example/logo.png", date1, "application/http; msgtype=response",
			httpResponse("Content-Type: image/png\r\n", pngBytes)),
		rec("metadata", "https://news.example/corvettes", date1, "application/warc-fields", []byte("fetchTimeMs: 120\r\n")),
		rec("resource", "<urn:x-dossier:note/1>", date2, "text/plain; charset=utf-8", []byte(noteText)),
		rec("response", "https://news.example/gz", date2, "application/http; msgtype=response",
			httpResponse("Content-Type: text/html\r\nContent-Encoding: gzip\r\n", gzipped([]byte(pageHTML)))),
		rec("response", "https://news.example/chunked", date2, "application/http; msgtype=response", []byte(chunked)),
		rec("response", "https://news.example/untyped", date2, "application/http; msgtype=response",
			httpResponse("", []byte(pageHTML))),
		rec("response", "dns:news.example", date2, "text/dns", []byte("news.example. 300 IN A 192.0.2.7\n")),
		rec("resource", "https://news.example/photo.jpg", date2, "image/jpeg", []byte("\xff\xd8\xff\xe0")),
	}
}

func wantRecords(t *testing.T) []Record {
	t.Helper()
	d1, _ := time.Parse(time.RFC3339, date1)
	d2, _ := time.Parse(time.RFC3339Nano, date2)
	return []Record{
		{URL: "https://news.example/corvettes", Date: d1, ContentType: "text/html; charset=utf-8", Body: []byte(pageHTML)},
		{URL: "urn:x-dossier:note/1", Date: d2, ContentType: "text/plain; charset=utf-8", Body: []byte(noteText)},
		{URL: "https://news.example/gz", Date: d2, ContentType: "text/html", Body: []byte(pageHTML)},
		{URL: "https://news.example/chunked", Date: d2, ContentType: "text/plain", Body: []byte("chunked body")},
		{URL: "https://news.example/untyped", Date: d2, ContentType: "text/html; charset=utf-8", Body: []byte(pageHTML)},
	}
}

func collect(data []byte) ([]Record, error) {
	var got []Record
	err := Each(bytes.NewReader(data), func(r Record) error {
		got = append(got, r)
		return nil
	})
	return got, err
}

func checkRecords(t *testing.T, got []Record) {
	t.Helper()
	want := wantRecords(t)
	if len(got) != len(want) {
		for _, r := range got {
			t.Logf("got %s %s", r.URL, r.ContentType)
		}
		t.Fatalf("got %d records, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.URL != w.URL || !g.Date.Equal(w.Date) || g.ContentType != w.ContentType || !bytes.Equal(g.Body, w.Body) {
			t.Errorf("record %d:\n got %q %v %q %q\nwant %q %v %q %q", i, g.URL, g.Date, g.ContentType, g.Body, w.URL, w.Date, w.ContentType, w.Body)
		}
	}
}

func TestEachPlain(t *testing.T) {
	got, err := collect(bytes.Join(sampleRecords(), nil))
	if err != nil {
		t.Fatal(err)
	}
	checkRecords(t, got)
}

// TestEachGzip covers the usual .warc.gz, one gzip member per record, and a
// file gzipped whole.
func TestEachGzip(t *testing.T) {
	var perRecord []byte
	for _, r := range sampleRecords() {
		perRecord = append(perRecord, gzipped(r)...)
	}
	whole := gzipped(bytes.Join(sampleRecords(), nil))
	for name, data := range map[string][]byte{"per-record": perRecord, "whole": whole} {
		t.Run(name, func(t *testing.T) {
			got, err := collect(data)
			if err != nil {
				t.Fatal(err)
			}
			checkRecords(t, got)
		})
	}
}

// TestLibraryWriter reads a file written by gowarc's own writer, one gzip
// member per record as its rotator does.
func TestLibraryWriter(t *testing.T) {
	var buf bytes.Buffer
	write := func(typ, uri, contentType string, block []byte) {
		w, err := gowarc.NewWriter(&buf, "test.warc.gz", gowarc.SHA1, "gzip", "", false, nil)
		if err != nil {
			t.Fatal(err)
		}
		r := gowarc.NewRecord(t.TempDir(), false)
		r.Header.Set("WARC-Type", typ)
		r.Header.Set("WARC-Target-URI", uri)
		r.Header.Set("WARC-Date", date1)
		r.Header.Set("Content-Type", contentType)
		r.Content.Write(block)
		if _, err := w.WriteRecord(r); err != nil {
			t.Fatal(err)
		}
		if err := w.CloseCompressedWriter(); err != nil {
			t.Fatal(err)
		}
	}
	write("response", "https://news.example/corvettes", "application/http; msgtype=response",
		httpResponse("Content-Type: text/html\r\n", []byte(pageHTML)))
	write("response", "https://news.example/logo.png", "application/http; msgtype=response",
		httpResponse("Content-Type: image/png\r\n", pngBytes))
	write("resource", "urn:x-dossier:note/1", "text/plain", []byte(noteText))

	got, err := collect(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || string(got[0].Body) != pageHTML || string(got[1].Body) != noteText {
		t.Fatalf("got %+v", got)
	}
}

func TestEachTruncated(t *testing.T) {
	all := bytes.Join(sampleRecords(), nil)
	// Cut inside the HTML response, the third record.
	cut := bytes.Index(all, []byte("four corvettes"))
	var perRecord []byte
	for _, r := range sampleRecords() {
		perRecord = append(perRecord, gzipped(r)...)
	}
	cases := map[string][]byte{
		"plain":             all[:cut],
		"plain, mid-header": all[:bytes.Index(all, []byte("WARC-Type: response"))+5],
		"gzip":              perRecord[:len(perRecord)-10],
		"gzip whole":        gzipped(all[:cut]),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := collect(data)
			if err == nil || !strings.Contains(err.Error(), "warc record ") {
				t.Fatalf("got %v, want an error naming the record", err)
			}
			t.Log(err)
		})
	}
	if _, err := collect(all[:cut]); err == nil || !strings.Contains(err.Error(), "warc record 3") {
		t.Fatalf("plain cut in record 3: got %v", err)
	}
}

func TestEachMalformed(t *testing.T) {
	good := rec("resource", "urn:a", date1, "text/plain", []byte(noteText))
	cases := map[string]struct {
		data []byte
		want string
	}{
		"not a WARC":     {[]byte("<html>hello</html>"), "not a WARC file"},
		"no length":      {[]byte("WARC/1.0\r\nWARC-Type: resource\r\n\r\nabc\r\n\r\n"), "warc record 1"},
		"bad length":     {bytes.Replace(good, []byte("Content-Length: 57"), []byte("Content-Length: 5x"), 1), "warc record 1"},
		"short length":   {bytes.Replace(good, []byte("Content-Length: 57"), []byte("Content-Length: 50"), 1), "warc record 1"},
		"bad date":       {append(append([]byte{}, good...), rec("resource", "urn:b", "yesterday", "text/plain", []byte("x"))...), `warc record 2 <urn:uuid:resource-0000>: bad WARC-Date "yesterday"`},
		"junk between":   {append(append(append([]byte{}, good...), "junk\r\n"...), good...), "warc record 2"},
		"bad HTTP":       {rec("response", "https://a/", date1, "application/http; msgtype=response", []byte("HTP/1.1 200\r\n\r\n")), "bad HTTP response"},
		"bad gzip input": {[]byte{0x1f, 0x8b, 1, 2, 3}, "gzip"},
	}
	if !bytes.Contains(good, []byte("Content-Length: 57")) {
		t.Fatal("test record length changed; fix the cases")
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := collect(c.data)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want error containing %q", err, c.want)
			}
		})
	}
}

func TestEachEmpty(t *testing.T) {
	if got, err := collect(nil); err != nil || len(got) != 0 {
		t.Fatalf("got %v, %v", got, err)
	}
}

func TestEachStopsOnCallbackError(t *testing.T) {
	stop := errors.New("stop")
	calls := 0
	err := Each(bytes.NewReader(bytes.Join(sampleRecords(), nil)), func(Record) error {
		calls++
		return stop
	})
	if err != stop || calls != 1 {
		t.Fatalf("err %v after %d calls", err, calls)
	}
}

func FuzzEach(f *testing.F) {
	all := bytes.Join(sampleRecords(), nil)
	f.Add(all)
	f.Add(gzipped(all))
	for _, r := range sampleRecords() {
		f.Add(r)
	}
	f.Add([]byte("WARC/1.1\r\nContent-Length: -5\r\n\r\n\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = Each(bytes.NewReader(data), func(r Record) error {
			if !isText(r.ContentType) {
				t.Fatalf("non-text record returned: %q", r.ContentType)
			}
			return nil
		})
	})
}
