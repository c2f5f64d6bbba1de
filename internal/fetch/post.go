package fetch

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
)

// Post sends body to rawURL, a webhook, through the dial guard and timeout
// of Get but without robots.txt, pacing or redirects: a webhook is one
// endpoint, and following a redirect would resend the body elsewhere. An
// answer outside 2xx is a *StatusError.
func (f *Fetcher) Post(ctx context.Context, rawURL string, header http.Header, body []byte) error {
	if err := CheckURL(rawURL); err != nil {
		return fmt.Errorf("post to %s: %w", rawURL, err)
	}
	reqCtx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(reqCtx, http.MethodPost, rawURL, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("post to %s: %w", rawURL, err)
	}
	req.Header = header.Clone()
	if req.Header == nil {
		req.Header = http.Header{}
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	resp, err := f.postClient.Do(req)
	if err != nil {
		return f.failed(ctx, reqCtx, rawURL, err)
	}
	defer resp.Body.Close()
	// Read a little of the answer so the connection can be reused.
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return &StatusError{URL: rawURL, Code: resp.StatusCode, Status: resp.Status}
	}
	return nil
}
