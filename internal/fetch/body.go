package fetch

import "context"

// Fetch gets a page's body and final address: the shape ingest.Options
// and the server take.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (body []byte, finalURL string, err error) {
	page, err := f.Get(ctx, rawURL)
	if err != nil {
		return nil, "", err
	}
	return page.Body, page.URL, nil
}
