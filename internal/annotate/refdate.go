package annotate

// ReferenceDate is the date Annotate resolves the relative dates of body
// against: the publication date ("YYYY-MM-DD" or ""), else a date in url,
// else the latest full date in the text. It lets a caller run FindDates
// alone, as the benchmarks against other date parsers do.
func ReferenceDate(published, url, body string) Date {
	sents := splitSentences(body, "")
	return referenceDate(published, url, sents, func(i int) []dateMatch { return scanDates(nil, sents[i].Text, appendWordSpans(nil, sents[i].Text)) })
}
