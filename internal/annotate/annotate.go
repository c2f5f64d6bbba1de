// Package annotate reads an article body into sentences and finds what they
// mention: states, organisations, people, weapon systems (catalogued or
// found by their shape), kinds of equipment, dates and quantities. Every
// annotation is a byte span of the stored body; Doc.RuneOffset turns it into
// the code-point offsets of the output.
package annotate

import (
	"math/bits"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-osint/dossier/internal/catalog"
	"golang.org/x/text/cases"
	"golang.org/x/text/language"
)

// MentionKind says what a mention names.
type MentionKind uint8

// Kinds of mention.
const (
	MCountry MentionKind = iota // a state by name, demonym or capital
	MOrg                        // a catalogued organisation
	MName                       // an organisation found by its shape ("Qilin Nonferrous Metals")
	MPerson
	MSystem       // a catalogued weapon system
	MUncatalogued // a designation found by its shape ("CS/VN17")
	MTerm         // a word for a kind of equipment ("howitzers")
)

// Mention is one named thing in a sentence, in byte offsets of the body.
type Mention struct {
	Start, End int
	// Name is the canonical name: the state's or organisation's name, the
	// system's designation, the person's full name, the term itself.
	Name string
	// Country is the ISO alpha-3 of a state, an organisation's home or a
	// system's origin.
	Country string
	// Index into the catalog's Systems, Organisations or Terms.
	Index    int
	Category string
	OrgKind  string
	// The small fields come last, packed into one word.
	Kind MentionKind
	// Form tells a state's name from its demonym or capital.
	Form    catalog.EntryKind
	Generic bool // a term that can stand for unspecified equipment
}

// Doc is an annotated document.
type Doc struct {
	Body      string
	Title     string
	Ref       Date // the date relative expressions resolve against
	Sentences []Sentence
	Mentions  [][]Mention // per sentence, in order
	Dates     [][]DateMention
	Qty       [][]QuantityMention
	Catalog   *catalog.Catalog
	// Pieces are the sentences cut for the name matcher, which other
	// phrase matchers can read again (catalog.Matcher.FindAllText), until
	// Release.
	Pieces []*catalog.Text
	cut    catalog.Texts
	// The memory of Sentences, Mentions, Dates, Qty and Pieces, which
	// Release hands on to the next document.
	mem *docMemory

	// For RuneOffset: the body is ASCII up to asciiEnd, where bytes and
	// runes count alike, and runeBlocks cover the rest, one per
	// runeBlockSize bytes; runesRead tells they are set.
	// validUTF8 tells the rest holds no invalid byte, which lets
	// RuneOffset count runes as the bytes that are not continuation bytes.
	runesRead  bool
	validUTF8  bool
	asciiEnd   int
	runeBlocks []runeBlock
}

// Annotate reads body. published is "YYYY-MM-DD" or ""; url may carry a
// date (/2021/06/) that stands in for an unknown publication date.
func Annotate(cat *catalog.Catalog, body, title, published, url string) *Doc {
	mem := docMemories.Get().(*docMemory)
	d := &Doc{Body: body, Title: title, Catalog: cat, mem: mem}
	buf := annotateBufs.Get().(*annotateBuf)
	defer buf.release()
	mem.sentences = splitSentencesInto(mem.sentences, body, title)
	d.Sentences = slices.Clip(mem.sentences)
	// The date phrases of each sentence, when the reference date must come
	// from them, are found once for it and for the sentence's dates.
	// Their words are read into the pooled buffer, which one sentence
	// after another reuses.
	var scanned [][]dateMatch
	d.Ref = referenceDate(published, url, d.Sentences, func(i int) []dateMatch {
		if scanned == nil {
			scanned = make([][]dateMatch, len(d.Sentences))
		}
		text := d.Sentences[i].Text
		buf.words = appendWordSpans(buf.words[:0], text)
		scanned[i] = scanDates(nil, text, buf.words)
		return scanned[i]
	})
	mem.mentionsOf = zeroed(mem.mentionsOf, len(d.Sentences))
	mem.datesOf = zeroed(mem.datesOf, len(d.Sentences))
	mem.qtyOf = zeroed(mem.qtyOf, len(d.Sentences))
	mem.pieces = zeroed(mem.pieces, len(d.Sentences))
	d.Mentions, d.Dates, d.Qty, d.Pieces = mem.mentionsOf, mem.datesOf, mem.qtyOf, mem.pieces
	known := &buf.known
	texts := slices.Grow(buf.texts[:0], len(d.Sentences))
	for i := range d.Sentences {
		s := &d.Sentences[i] // read in place, as below
		if s.Boilerplate {
			texts = append(texts, "")
		} else {
			texts = append(texts, s.Text)
		}
	}
	d.cut = catalog.NewTexts(texts)
	buf.texts = texts
	// What one sentence holds, in buffers the next reuses; buf gathers
	// what the sentences found.
	names, phrases, words, wordStarts := buf.names, buf.phrases, buf.words, buf.wordStarts
	for i := range d.Sentences {
		s := &d.Sentences[i] // read in place: a copy of one is long
		if s.Boilerplate {
			continue
		}
		d.Pieces[i] = &d.cut.List[i]
		names = cat.Matcher().AppendAllText(names[:0], d.Pieces[i])
		listed := listedWords{starts: wordStarts[:0]}
		words = appendWordSpansStarts(words[:0], &listed, s.Text, d.Pieces[i])
		wordStarts = listed.starts
		// Each sentence's finds are appended to the room that mem gathers
		// them in, which keeps them without a copy.
		named := findMentions(cat, s, names, known, &listed, buf.matchRoom[:], mem.mentions.room())
		d.Mentions[i] = mem.mentions.add(named)
		// The date phrases scanned for the reference date, else scanned
		// now into the pooled buffer (which keeps it for the next document).
		var sentencePhrases []dateMatch
		if scanned != nil {
			sentencePhrases = scanned[i]
		} else {
			phrases = scanDates(phrases[:0], s.Text, words)
			sentencePhrases = phrases
		}
		// Most sentences hold no date phrase and find no number, which
		// need not be resolved or filtered.
		var dated []DateMention
		if len(sentencePhrases) > 0 {
			dated = resolveDates(mem.dates.room(), s.Text, s.Start, d.Ref, sentencePhrases)
			if len(dated) > 0 && len(named) > 0 {
				dated = datesOutsideNames(dated, named)
			}
			d.Dates[i] = mem.dates.add(dated)
		}
		if found := appendQuantities(mem.qty.room(), s.Text, s.Start, words); len(found) > 0 {
			d.Qty[i] = mem.qty.add(withoutDates(withoutDesignations(found, named), dated))
		}
	}
	buf.names, buf.phrases, buf.words, buf.wordStarts = names[:0], phrases[:0], words[:0], wordStarts[:0]
	return d
}

// annotateBuf holds what Annotate needs only for a while. The documents
// after reuse it.
type annotateBuf struct {
	texts []string // the texts of the sentences to cut for the matcher
	// What one sentence holds: the catalog's names, the date phrases, its
	// words and word starts, and a match of findMentions' patterns at a
	// time, which their matchers would otherwise make room for each.
	names      []catalog.Match
	phrases    []dateMatch
	words      []wordSpan
	wordStarts []int
	matchRoom  [4]int
	known      docNames // what the sentences before named
}

var annotateBufs = sync.Pool{New: func() any { return new(annotateBuf) }}

// release empties b, forgetting the texts it held, for the next document,
// even if Annotate stopped half-way.
func (b *annotateBuf) release() {
	clear(b.texts)
	b.texts = b.texts[:0]
	b.known.forget()
	annotateBufs.Put(b)
}

// docMemory is the memory of a Doc's annotations. A document's are
// garbage once its records are out, and the next document's are much the
// same size: handed on, they spare the allocations, and the collector the
// work of scanning and freeing them. What the pool holds is zero, so
// that it keeps no body alive.
type docMemory struct {
	sentences  []Sentence
	mentions   gathered[Mention]
	dates      gathered[DateMention]
	qty        gathered[QuantityMention]
	mentionsOf [][]Mention // per sentence, slices of mentions
	datesOf    [][]DateMention
	qtyOf      [][]QuantityMention
	pieces     []*catalog.Text
	runeBlocks []runeBlock // for RuneOffset
}

var docMemories = sync.Pool{New: func() any { return new(docMemory) }}

// release zeroes m, which Annotate filled, and hands it on.
func (m *docMemory) release() {
	clear(m.sentences)
	m.sentences = m.sentences[:0]
	m.mentions.forget()
	m.dates.forget()
	m.qty.forget()
	m.mentionsOf = zeroLength(m.mentionsOf)
	m.datesOf = zeroLength(m.datesOf)
	m.qtyOf = zeroLength(m.qtyOf)
	m.pieces = zeroLength(m.pieces)
	docMemories.Put(m)
}

// zeroed is s with length n, all zero: s is zero to its capacity, as
// the pool holds it.
func zeroed[T any](s []T, n int) []T {
	return slices.Grow(s[:0], n)[:n]
}

// zeroLength zeroes s and empties it.
func zeroLength[T any](s []T) []T {
	clear(s)
	return s[:0]
}

// gathered holds what the sentences of a document found, one sentence
// after another: a sentence finds a few things or none, and a block for
// each, or a share of a block of guessed size, would waste memory.
type gathered[T any] struct {
	items []T
}

// room is where the items of the next sentence may be appended, in g's
// memory, for add to keep them there.
func (g *gathered[T]) room() []T {
	return g.items[len(g.items):len(g.items)]
}

// add appends the items of the next sentence, those appended to room in
// place already unless they outgrew it, and returns them as g holds them
// (nil for none), capped so that an append to them copies. A block that
// g outgrows later stays whole for the items it holds.
func (g *gathered[T]) add(items []T) []T {
	n := len(g.items)
	switch {
	case len(items) == 0: // most sentences find nothing of a kind
		return nil
	case n < cap(g.items) && &items[0] == &g.items[:n+1][n]:
		g.items = g.items[:n+len(items)]
	default:
		g.items = append(g.items, items...)
	}
	return g.items[n:len(g.items):len(g.items)]
}

// forget empties g, forgetting the texts that the items name, to its
// capacity: a sentence's finder may have left items beyond the ones it
// returned in room.
func (g *gathered[T]) forget() {
	clear(g.items[:cap(g.items)])
	g.items = g.items[:0]
}

// Release hands back the memory of the annotations, RuneOffset's table and
// the pieces the sentences were cut into, for later documents to reuse:
// d.Sentences, Mentions, Dates, Qty and Pieces are nil after.
func (d *Doc) Release() {
	d.Sentences, d.Mentions, d.Dates, d.Qty, d.Pieces = nil, nil, nil, nil, nil
	// RuneOffset reads its table again, if asked, in memory of its own.
	d.runesRead, d.asciiEnd, d.runeBlocks = false, 0, nil
	d.cut.Release()
	if d.mem != nil {
		d.mem.release()
		d.mem = nil
	}
}

// docNames is what earlier sentences have named: people by surname,
// systems, whose nicknames then need no more context ("the Typhoons"),
// organisations by the acronym the document gave them, and systems the
// catalog lacks by their category.
type docNames struct {
	people map[string]string
	// The keys of people that are ASCII lower case and begin with a
	// letter, which mayName looks for in each sentence, and whether there
	// is another.
	plainKeys []string
	oddKey    bool
	// plainFirsts has bit l-'a' set for each first letter l of plainKeys.
	plainFirsts uint32
	systems     systemSet
	acronyms    map[string]Mention
	unlisted    []foundName
}

// forget empties k for the next document, which reuses the room of its
// maps.
func (k *docNames) forget() {
	clear(k.people)
	clear(k.plainKeys)
	k.plainKeys, k.oddKey, k.plainFirsts = k.plainKeys[:0], false, 0
	clear(k.systems)
	clear(k.acronyms)
	clear(k.unlisted)
	k.unlisted = k.unlisted[:0]
}

// nameSystem keeps that the document named system i.
func (k *docNames) nameSystem(i int) {
	k.systems.add(i)
}

// systemSet is a set of indices of systems, a bit each: a look-up is a
// shift, where a map's hashes the index.
type systemSet []uint64

func (s systemSet) has(i int) bool {
	return i/64 < len(s) && s[i/64]>>(i%64)&1 != 0
}

func (s *systemSet) add(i int) {
	for i/64 >= len(*s) {
		*s = append(*s, 0)
	}
	(*s)[i/64] |= 1 << (i % 64)
}

// namePerson keeps a person's full name by the surname.
func (k *docNames) namePerson(name string) {
	if k.people == nil {
		k.people = map[string]string{}
	}
	surname, _ := LastField(name)
	key := strings.ToLower(surname)
	if _, had := k.people[key]; !had {
		// key is lower case, so an ASCII key that starts with a letter is
		// ASCII lower case.
		if key != "" && catalog.IsASCII(key) && 'a' <= key[0] && key[0] <= 'z' {
			k.plainKeys = append(k.plainKeys, key)
			k.plainFirsts |= 1 << (key[0] - 'a')
		} else {
			k.oddKey = true
		}
	}
	k.people[key] = name
}

// foundName is a system the catalog lacks, found by its context.
type foundName struct{ name, category string }

// keepUnlisted keeps a name the catalog lacks, found by its context, with its
// category, in the order found: a document coins a few.
func (k *docNames) keepUnlisted(name, category string) {
	for _, c := range k.unlisted {
		if c.name == name {
			return
		}
	}
	if k.unlisted == nil {
		k.unlisted = make([]foundName, 0, 4)
	}
	k.unlisted = append(k.unlisted, foundName{name, category})
}

// isWordByte: c continues a word or a designation.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c >= 0x80
}

// ownAcronym reads an acronym as the document defines it: after "the
// Bolivian Air Force (FAB)", FAB is that force, not the Brazilian one the
// catalog knows by it, here and in every later sentence. It rewrites mm
// so.
func (k *docNames) ownAcronym(text string, base int, mm *Mention, before []Mention) {
	acr := text[mm.Start-base : mm.End-base]
	if def, ok := k.acronyms[acr]; ok {
		def.Start, def.End = mm.Start, mm.End
		*mm = def
		return
	}
	// The tests that need no copy of the name come first.
	if len(before) == 0 || mm.End-base >= len(text) || text[mm.End-base] != ')' || strings.ToUpper(acr) != acr {
		return
	}
	def := before[len(before)-1]
	if def.Kind != MOrg || def.Index == mm.Index || text[def.End-base:mm.Start-base] != " (" {
		return
	}
	if k.acronyms == nil {
		k.acronyms = map[string]Mention{}
	}
	k.acronyms[acr] = def
	def.Start, def.End = mm.Start, mm.End
	*mm = def
}

// withoutDesignations drops numbers that are part of a system's name
// ("Dornier 228"). The numbers are read in place, as in the filters
// below: a copy of each is long.
func withoutDesignations(qs []QuantityMention, ms []Mention) []QuantityMention {
	out := qs[:0]
	for k := range qs {
		if q := &qs[k]; !designationOverlaps(ms, q.Start, q.End) {
			out = append(out, *q)
		}
	}
	return out
}

// withoutDates drops numbers that are the day of a date ("on 9 October
// for Spike missiles" counts no missiles).
func withoutDates(qs []QuantityMention, ds []DateMention) []QuantityMention {
	out := qs[:0]
	for k := range qs {
		if q := &qs[k]; !dateOverlaps(ds, q.Start, q.End) {
			out = append(out, *q)
		}
	}
	return out
}

// datesOutsideNames drops years that are part of a catalogued system's
// name ("ATMOS 2000", "Mirage 2000"); an uncatalogued name may be a
// misreading of the date itself ("Tuesday 30").
func datesOutsideNames(ds []DateMention, ms []Mention) []DateMention {
	out := ds[:0]
	for k := range ds {
		if dm := &ds[k]; !systemOverlaps(ms, dm.Start, dm.End) {
			out = append(out, *dm)
		}
	}
	return out
}

// designationOverlaps: one of ms is a system, catalogued or not, that
// overlaps the span from start to end.
func designationOverlaps(ms []Mention, start, end int) bool {
	for k := range ms {
		if m := &ms[k]; (m.Kind == MSystem || m.Kind == MUncatalogued) && start < m.End && m.Start < end {
			return true
		}
	}
	return false
}

// dateOverlaps: one of ds overlaps the span from start to end.
func dateOverlaps(ds []DateMention, start, end int) bool {
	for k := range ds {
		if dm := &ds[k]; start < dm.End && dm.Start < end {
			return true
		}
	}
	return false
}

// systemOverlaps: one of ms is a catalogued system that overlaps the span
// from start to end. The mentions are read in place, as in the other
// loops over them below: a copy of one is long.
func systemOverlaps(ms []Mention, start, end int) bool {
	for k := range ms {
		if m := &ms[k]; m.Kind == MSystem && start < m.End && m.Start < end {
			return true
		}
	}
	return false
}

var urlDate = regexp.MustCompile(`/((?:19|20)\d{2})/(0[1-9]|1[0-2])(?:/(0[1-9]|[12]\d|3[01]))?/`)

// referenceDate is the publication date, else a date in the address, else
// the latest full date in the text, as the guidelines say; scan gives the
// date phrases of sentence i.
func referenceDate(published, url string, sents []Sentence, scan func(i int) []dateMatch) Date {
	if d, ok := ParseDate(published); ok {
		return d
	}
	if m := urlDate.FindStringSubmatch(url); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		if m[3] != "" {
			day, _ := strconv.Atoi(m[3])
			return Date{y, mo, day, Day}
		}
		return Date{Y: y, M: mo, Precision: Month}
	}
	var latest Date
	for i, s := range sents {
		for _, m := range resolveDates(nil, s.Text, 0, Date{}, scan(i)) {
			if m.Date.Precision == Day && !m.Relative && m.Date.time().After(latest.time()) {
				latest = m.Date
			}
		}
	}
	return latest
}

// runeBlock is where the first rune at or after a multiple of
// runeBlockSize starts, and how many runes come before it.
type runeBlock struct{ start, runes int }

const runeBlockSize = 64

// RuneOffset converts a byte offset of the body into a code-point offset.
func (d *Doc) RuneOffset(b int) int {
	if !d.runesRead {
		d.runesRead = true
		d.asciiEnd = asciiRunEnd(d.Body, 0)
		if d.asciiEnd < len(d.Body) {
			var room []runeBlock
			if d.mem != nil {
				room = d.mem.runeBlocks
			}
			d.runeBlocks, d.validUTF8 = runeBlocksOf(room, d.Body[d.asciiEnd:])
			if d.mem != nil {
				d.mem.runeBlocks = d.runeBlocks
			}
		}
	}
	b = min(b, len(d.Body))
	if b <= d.asciiEnd {
		return b
	}
	rest, r := d.Body[d.asciiEnd:], b-d.asciiEnd
	k := min(r/runeBlockSize, len(d.runeBlocks)-1)
	if d.runeBlocks[k].start > r {
		k--
	}
	blk := d.runeBlocks[k]
	span := rest[blk.start:r]
	// Whole valid runes are one lead byte each, counted a word at a time;
	// a cut rune or an invalid byte needs the decoder's count.
	if d.validUTF8 && (r == len(rest) || utf8.RuneStart(rest[r])) {
		return d.asciiEnd + blk.runes + len(span) - continuationBytes(span)
	}
	return d.asciiEnd + blk.runes + utf8.RuneCountInString(span)
}

// continuationBytes counts the bytes of s that carry on a rune (10xxxxxx).
func continuationBytes(s string) int {
	const high = lowBits << 7
	n, i := 0, 0
	for ; i+8 <= len(s); i += 8 {
		w := load8(s, i)
		// The high bit set and the next bit clear.
		n += bits.OnesCount64(w & high &^ (w << 1))
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 == 0x80 {
			n++
		}
	}
	return n
}

// runeBlocksOf is the table of RuneOffset for body: block k is the first
// rune that starts at or after byte k*runeBlockSize, where a range loop
// over body meets it. Runs of ASCII, a rune a byte, are counted by the
// word, the rest decoded a rune at a time, into the room of dst. valid
// tells body is valid UTF-8.
func runeBlocksOf(dst []runeBlock, body string) (blocks []runeBlock, valid bool) {
	blocks = slices.Grow(dst[:0], len(body)/runeBlockSize+1)
	valid = true
	n := 0 // the runes before byte i
	for i := 0; i < len(body); {
		for len(blocks)*runeBlockSize <= i {
			blocks = append(blocks, runeBlock{i, n})
		}
		if body[i] >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(body[i:])
			if r == utf8.RuneError && size == 1 {
				valid = false
			}
			i, n = i+size, n+1
			continue
		}
		j := asciiRunEnd(body, i)
		for m := len(blocks) * runeBlockSize; m < j; m += runeBlockSize {
			blocks = append(blocks, runeBlock{m, n + m - i})
		}
		i, n = j, n+j-i
	}
	if len(blocks) == 0 {
		blocks = append(blocks, runeBlock{})
	}
	return blocks, valid
}

// asciiRunEnd is the end of the run of ASCII bytes of s from byte i.
func asciiRunEnd(s string, i int) int {
	// Four words at once, with one test and one bounds check: a body is
	// mostly a long ASCII run.
	for ; i+32 <= len(s); i += 32 {
		w := s[i : i+32]
		if (load8(w, 0)|load8(w, 8)|load8(w, 16)|load8(w, 24))&(lowBits<<7) != 0 {
			break
		}
	}
	for ; i+8 <= len(s); i += 8 {
		if load8(s, i)&(lowBits<<7) != 0 {
			break
		}
	}
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	return i
}

// notShapeWords start strings that look like designations but are not,
// as a choice of a pattern (see notShape).
const notShapeWords = `Block|Phase|Batch|Lot|Tranche|Flight|Mk|Model|Type|COVID|Covid|G|Q|H|No|Section|Article|Resolution|Chapter|Vol|Page|Room|Route|Highway|Level|Gate|Zone|Sector|Camp|Base|Unit|Class|Grade|Group|Series|Version|Day|Week|Year|Top|Under|Over|Formula|Euro|Windows|iPhone|A|I|The|These|Those|Its|Their|All|About|Some|Only|Another|` +
	`Nearly|Almost|Around|` +
	`January|February|March|April|May|June|July|August|September|October|November|December|` +
	`Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec`

var notShapeSet = func() map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Split(notShapeWords, "|") {
		set[w] = true
	}
	return set
}()

// notShape: w begins with one of notShapeWords as a word, as the pattern
// ^(?:notShapeWords)\b finds. The words are all ASCII letters, so only the
// whole run of letters that begins w can be one, and \b must hold after
// it: no ASCII digit or underscore follows.
func notShape(w string) bool {
	k := 0
	for k < len(w) && 'a' <= w[k]|0x20 && w[k]|0x20 <= 'z' {
		k++
	}
	if k < len(w) && ('0' <= w[k] && w[k] <= '9' || w[k] == '_') {
		return false
	}
	return notShapeSet[w[:k]]
}

// nameBefore finds a capitalised word of four letters or more that ends
// right before byte at of text, or one lower-case word before it
// ("SPYDER short-range air defence system").
func nameBefore(text string, at int) (int, int, bool) {
	start, end, ok := wordEndingBefore(text, at)
	if !ok {
		return 0, 0, false
	}
	if r, _ := utf8.DecodeRuneInString(text[start:]); unicode.IsLower(r) {
		if prevStart, prevEnd, ok := wordEndingBefore(text, start); ok {
			start, end = prevStart, prevEnd
		}
	}
	w := text[start:end]
	if start == 0 || len(w) < 4 || !isASCIIName(w) {
		return 0, 0, false
	}
	return start, end, true
}

// wordEndingBefore finds the last run of isWordRune runes in text[:at],
// when only white space follows it there.
func wordEndingBefore(text string, at int) (start, end int, ok bool) {
	end = spacesBefore(text, at)
	start = end
	for start > 0 {
		if c := text[start-1]; c < utf8.RuneSelf { // ASCII, looked up in place
			if !asciiWordRune[c] {
				break
			}
			start--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(text[:start])
		if !isWordRune(r) {
			break
		}
		start -= size
	}
	return start, end, start < end
}

// isASCIIName: a capital, then letters only ("Pinaka", "SPYDER").
func isASCIIName(w string) bool {
	if w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		c := w[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// namesClass: the mentions hold a naval system, a ship's class.
func namesClass(ms []Mention) bool {
	for k := range ms {
		if m := &ms[k]; (m.Kind == MSystem || m.Kind == MUncatalogued) && m.Category == "naval vessel" {
			return true
		}
	}
	return false
}

// shipNameAfter reads a ship's prefix and name right after byte at ("
// CGS Huravee", " SLNS Sayurala II"): the span from the prefix and the
// name without it.
func shipNameAfter(text string, at int) (start, end int, name string, ok bool) {
	p, q := nextWordSpan(text, at)
	if p != at+1 || text[at] != ' ' || q-p < 2 || q-p > 5 || strings.ToUpper(text[p:q]) != text[p:q] || !isASCIIName(text[p:q]) {
		return 0, 0, "", false
	}
	first, last := -1, q
	for n := 0; n < 3; n++ {
		a, b := nextWordSpan(text, last)
		if a != last+1 || b == a || text[last] != ' ' || !isLetterName(text[a:b]) {
			break
		}
		if first < 0 {
			first = a
		}
		last = b
	}
	if first < 0 {
		return 0, 0, "", false
	}
	return p, last, text[first:last], true
}

// isLetterName: a capital, then letters only, accented ones too: ship
// classes carry their home's spelling ("Doğan", "Almirante Grau").
func isLetterName(w string) bool {
	if isASCIIName(w) {
		return true
	}
	for k, r := range w {
		if k == 0 && !unicode.IsUpper(r) || !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// orgWords begin the closing words of orgShapeRe ("Group", "Corp",
// "Ship" for "Shipyard"): a sentence must hold one for the pattern to
// have anything to find, and one must follow the words it starts with
// (closingWordAhead).
var orgWords = []string{"Group", "Company", "Corp", "Industries", "Systems", "Metals", "Mining", "Minerals", "Aerospace",
	"Technologies", "Holdings", "Motors", "Ship", "Bank", "Resources", "Energy", "Electronics", "Dynamics", "Defen",
	"Engineering", "Logistics", "Limited", "Ltd", "Inc"}

// orgWordsByCapital lists orgWords by their first letter, a capital.
var orgWordsByCapital = func() (t [26][]string) {
	for _, w := range orgWords {
		t[w[0]-'A'] = append(t[w[0]-'A'], w)
	}
	return t
}()

// orgWordSeconds has bit l&31 set, for each capital, of the letters l in
// lower case that follow it in orgWords: a first test that turns down
// most capitals (and lets through some other bytes than those letters).
// It is zero for the other bytes.
var orgWordSeconds = func() (t [256]uint32) {
	for _, w := range orgWords {
		if w[1] < 'a' || w[1] > 'z' {
			panic("annotate: " + w + " does not go on in lower case")
		}
		t[w[0]] |= 1 << (w[1] & 31)
	}
	return t
}()

// orgKey is a word of orgWords as its first eight bytes or fewer, which
// a load8 of the text holds where the masked bytes are those, and the
// rest of it.
type orgKey struct {
	bytes, mask uint64
	rest        string
}

// orgKeysByCapital lists orgWords as keys by their first letter.
var orgKeysByCapital = func() (t [26][]orgKey) {
	for _, w := range orgWords {
		n := min(len(w), 8)
		t[w[0]-'A'] = append(t[w[0]-'A'], orgKey{bytes: startKey(w, 0, n, 0), mask: keyMask[n], rest: w[n:]})
	}
	return t
}()

// orgWordMayBegin: the first two bytes of text from i may begin one of
// orgWords, a first test that turns down most words, which its callers
// inline before they call orgWordBegunBy. It reads text in place: a slice
// of it costs more.
func orgWordMayBegin(text string, i int) bool {
	return uint(i+1) < uint(len(text)) && orgWordSeconds[text[i]]&(1<<(text[i+1]&31)) != 0
}

// orgWordBegunBy: one of orgWords begins s, where orgWordMayBegin holds.
// Most of them are compared with the first eight bytes of s at once.
func orgWordBegunBy(s string) bool {
	c := s[0] - 'A'
	if len(s) >= 8 {
		x := load8(s, 0)
		for _, k := range orgKeysByCapital[c] {
			if x&k.mask == k.bytes && (k.rest == "" || strings.HasPrefix(s[8:], k.rest)) {
				return true
			}
		}
		return false
	}
	for _, w := range orgWordsByCapital[c] {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// nextStartWith is the index of the first of starts from k at which text
// has byte c, or len(starts).
func nextStartWith(text string, starts []int, k int, c byte) int {
	for k < len(starts) && text[starts[k]] != c {
		k++
	}
	return k
}

// startsBefore is the word starts before byte at: it walks back from the
// last one, which for the last digit of a sentence takes fewer steps than
// a binary search's call.
func startsBefore(wordStarts []int, at int) []int {
	k := len(wordStarts)
	for k > 0 && wordStarts[k-1] >= at {
		k--
	}
	return wordStarts[:k]
}

// lastOrgWord is the index of the last of wordStarts (appendWordSpansStarts)
// at which one of orgWords begins, as the closing words of orgShapeRe do,
// which follow white space; or -1.
func lastOrgWord(text string, wordStarts []int) int {
	for k := len(wordStarts) - 1; k >= 0; k-- {
		if i := wordStarts[k]; orgWordMayBegin(text, i) && orgWordBegunBy(text[i:]) {
			return k
		}
	}
	return -1
}

// lowersIntoASCII are the runes beyond ASCII that lower-cased are ASCII:
// "İ" and the Kelvin sign.
var lowersIntoASCII = []string{"\u0130", "\u212a"}

// mayName: text may hold a capitalised word that lower-cased is a key of
// people. It does not when it holds none of the keys with a capital first
// and the rest in any ASCII case, if the keys are ASCII lower case and
// begin with a letter (plainKeys, which namePerson sorts out once rather
// than each sentence), nor one of lowersIntoASCII: a capitalised word of
// ASCII begins with the capital of its lower-cased first letter.
func (k *docNames) mayName(text string) bool {
	if len(k.people) == 0 {
		return false
	}
	if k.oddKey {
		return true
	}
	if holdsBeyondASCII(text, lowersIntoASCII) {
		return true
	}
	for _, key := range k.plainKeys {
		if catalog.ContainsFoldASCIIWith(text, key, 0, key[0]-'a'+'A') {
			return true
		}
	}
	return false
}

// surnameFirsts has bit c-'A' set for each ASCII capital c that may begin
// a word that lower-cased is a key of people: where the keys are
// plainKeys, their first letters.
func (k *docNames) surnameFirsts() uint32 {
	if k.oddKey {
		return 1<<26 - 1
	}
	return k.plainFirsts
}

// nextWordBegunBy is the first word that nextWordSpan finds at or after
// byte from of text that begins with a capital of firsts (bit c-'A') or a
// rune beyond ASCII, the only words of which a capitalised one may lower
// into a key of people (see surnameFirsts); start == end when there is
// none. It tests only the capitals and the bytes beyond ASCII, which it
// picks out of eight bytes at a time, where nextWordSpan would walk every
// word.
func nextWordBegunBy(text string, from int, firsts uint32) (start, end int) {
	const high = lowBits << 7
	i := from
	for ; i+8 <= len(text); i += 8 {
		w := load8(text, i)
		for m := bytesIn(w, 'A', 'Z') | w&high; m != 0; m &= m - 1 {
			if k := i + bits.TrailingZeros64(m)/8; beginsSurnameWord(text, k, firsts) {
				return nextWordSpan(text, k)
			}
		}
	}
	for ; i < len(text); i++ {
		if beginsSurnameWord(text, i, firsts) {
			return nextWordSpan(text, i)
		}
	}
	return len(text), len(text)
}

// beginsSurnameWord: byte i of text begins a word of nextWordSpan that
// nextWordBegunBy looks for.
func beginsSurnameWord(text string, i int, firsts uint32) bool {
	switch c := text[i]; {
	case c < utf8.RuneSelf:
		if c-'A' >= 26 || firsts>>(c-'A')&1 == 0 {
			return false
		}
	case !utf8.RuneStart(c):
		return false
	default:
		if r, _ := utf8.DecodeRuneInString(text[i:]); !isWordRune(r) {
			return false
		}
	}
	return i == 0 || !wordRuneBefore(text, i) // else within a word
}

// wordRuneBefore: the rune that ends at byte i of text is an isWordRune
// one.
func wordRuneBefore(text string, i int) bool {
	if c := text[i-1]; c < utf8.RuneSelf {
		return asciiWordRune[c]
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return isWordRune(r)
}

// lookupLower is m[strings.ToLower(key)], without making the string for
// a short ASCII key.
func lookupLower[V any](m map[string]V, key string) (V, bool) {
	var buf [32]byte
	if len(key) > len(buf) {
		v, ok := m[strings.ToLower(key)]
		return v, ok
	}
	for k := range len(key) {
		c := key[k]
		if c >= utf8.RuneSelf {
			v, ok := m[strings.ToLower(key)]
			return v, ok
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	v, ok := m[string(buf[:len(key)])]
	return v, ok
}

// commonCapitalised words stand capitalised before equipment words in
// headlines and names without being systems.
var commonCapitalised = map[string]bool{
	"lightweight": true, "light": true, "heavy": true, "main": true, "battle": true, "armoured": true, "armored": true,
	"multiple": true, "self": true, "mobile": true, "tactical": true, "combat": true, "military": true, "naval": true,
	"army": true, "navy": true, "force": true, "forces": true, "national": true, "royal": true, "defence": true,
	"defense": true, "new": true, "more": true, "first": true, "second": true, "further": true, "several": true,
	"these": true, "those": true, "their": true, "other": true, "some": true, "many": true, "most": true, "both": true,
	"modern": true, "advanced": true, "special": true, "rapid": true, "border": true, "coast": true, "guard": true,
	"marine": true, "airborne": true, "infantry": true, "artillery": true, "fighter": true, "attack": true,
	"western": true, "eastern": true, "soviet": true, "european": true, "african": true, "asian": true, "arab": true,
}

// calendarWord: a weekday or month, as in "on Tuesday donated weapons",
// which dates the clause and names no system.
func calendarWord(w string) bool {
	_, day := lookupLower(weekdays, w)
	_, month := lookupLower(months, w)
	return day || month
}

// isCommonCapitalised: w is one of commonCapitalised, in any case.
func isCommonCapitalised(w string) bool {
	common, _ := lookupLower(commonCapitalised, w)
	return common
}

// followsName: the word comes right after another name (a maker, a state,
// a system), as in "Turkish Aerospace Anka" or "Rafael SPYDER", which the
// catalog should tell, not the shape.
func followsName(ms []Mention, at int, before string) bool {
	for _, m := range ms {
		if (m.Kind == MSystem || m.Kind == MUncatalogued) && m.End < at && at-m.End < 20 {
			// "Wing Loong and Mohajer drones": a list's next name is its own.
			gap := before[len(before)-(at-m.End):]
			if len(strings.Fields(gap)) <= 1 && gap != " and " && gap != " or " {
				return true
			}
		}
	}
	return strings.HasSuffix(strings.TrimSpace(before), ".")
}

// orgShapeRe finds organisations that the catalog lacks by a closing word
// that names a company or an institution; appendOrgShapeMatch runs it.
var orgShapeRe = MustCompileWords(`\b((?:[A-Z][\p{L}&-]+\s+){1,4}(?:Group|Company|Corporation|Corp\.?|Industries|Systems|Metals|Mining|Minerals|Aerospace|Technologies|Holdings|Motors|Shipyard|Shipbuilding|Bank|Resources|Energy|Electronics|Dynamics|Defen[cs]e|Engineering|Logistics|Limited|Ltd|Inc\.?)(?:\s+of\s+[A-Z][\p{L}]+)?)\b`).
	Where(closingWordAhead).AppendedBy(appendOrgShapeMatch)

// closingWordAhead: after one to four capitalised words from i, each
// followed by white space, one of orgWords begins, as in every match of
// orgShapeRe (orgWords begin its closing words).
func closingWordAhead(text string, i int) bool {
	for range 4 {
		if i >= len(text) || text[i] < 'A' || text[i] > 'Z' {
			return false
		}
		end := nameRunEnd(text, i+1)
		next := skipSpace(text, end)
		if end == i+1 || next == end {
			return false
		}
		i = next
		if orgWordMayBegin(text, i) && orgWordBegunBy(text[i:]) {
			return true
		}
	}
	return false
}

// mentionFirsts are the bytes that can begin a match of the word patterns
// that findMentions runs at the word starts; orgShapeRe's capitals begin
// orgWords too (lastOrgWord), and 'c' the "class" it looks for there.
var mentionFirsts = func() [256]bool {
	t := lettersBeginning(titleRe, orgShapeRe, shapeRe)
	t['c'] = true
	return t
}()

// findMentions finds the named things of one sentence, whose catalog
// names are names; known is what earlier sentences named, listed where
// its words that may begin a match of its word patterns start and what
// they may begin (appendWordSpansStarts), and room holds a match of a
// pattern at a time.
// The mentions are appended to out, which is empty.
func findMentions(cat *catalog.Catalog, s *Sentence, names []catalog.Match, known *docNames, listed *listedWords, room []int, out []Mention) []Mention {
	text, base := s.Text, s.Start // read once: through s, each use loads them again after a store to out
	wordStarts := listed.starts
	// The catalog's names give the only words for kinds of equipment
	// (MTerm), all in out[:termsEnd], which the finders that look next to
	// one read alone.
	termsEnd := 0
	for k := range names {
		// Each mention is made in place, at the end of out: a copy of one
		// is long.
		out = append(out, Mention{})
		mm, before := &out[len(out)-1], out[:len(out)-1]
		if !mentionFromMatch(cat, text, &names[k], known.systems, mm) {
			out = before
			continue
		}
		mm.Start += base
		mm.End += base
		if mm.Kind == MSystem {
			known.nameSystem(mm.Index)
			// "Gripen E/F" named, "the Gripen" names its family.
			if r := cat.FamilyRoot(mm.Index); r >= 0 {
				known.nameSystem(r)
			}
		}
		// "Lao People's Liberation Army": the demonym names whose army it is.
		if mm.Kind == MOrg && mm.OrgKind == "government" && len(before) > 0 {
			prev := &before[len(before)-1]
			if prev.Kind == MCountry && prev.Form == catalog.Demonym && mm.Start-prev.End == 1 {
				mm.Country = prev.Country
			}
		}
		if mm.Kind == MOrg {
			known.ownAcronym(text, base, mm, before)
		}
		if mm.Kind == MTerm {
			termsEnd = len(out)
		}
	}
	// The loops over mentions read them in place: a copy of one is long.
	taken := func(a, b int) bool {
		for k := range out {
			if m := &out[k]; a < m.End-base && m.Start-base < b {
				return true
			}
		}
		return false
	}
	// Only a category word right after makes a shape a system:
	// "CS/VN17 armoured vehicles", "KM450 military trucks". A sentence
	// that names no kind of equipment has no shapes to look for, and a
	// shape holds a digit after its first letter: it begins before the
	// last digit.
	var shapeStarts []int
	if termsEnd > 0 {
		shapeStarts = startsBefore(wordStarts, lastByteIn(text, '0', '9'))
	}
	for loc, rest := shapeRe.nextAt(room[:0], text, shapeStarts); loc != nil; loc, rest = shapeRe.nextAt(room[:0], text, rest) {
		a, b := loc[0], loc[1]
		w := text[a:b]
		if taken(a, b) || notShape(w) || !hasLetterAndDigit(w) {
			continue
		}
		if a > 0 && (text[a-1] == '-' || text[a-1] == '/' || text[a-1] == '$') {
			continue
		}
		if cat := categoryAfter(out, base+b, text[b:]); cat != "" {
			out = append(out, Mention{Start: base + a, End: base + b, Kind: MUncatalogued, Name: w, Category: cat})
			known.keepUnlisted(w, cat)
		}
	}
	// A capitalised name the catalog lacks, right before a word for a kind
	// of equipment: "Pinaka multiple rocket launchers", "Akash air defence system".
	for k := range termsEnd {
		m := &out[k] // in the array of out as it was: appends leave it be
		if m.Kind != MTerm || !m.Generic {
			continue
		}
		a, b, ok := nameBefore(text, m.Start-base)
		if !ok || taken(a, b) || isCommonCapitalised(text[a:b]) || calendarWord(text[a:b]) || followsName(out, base+a, text[:a]) {
			continue
		}
		out = append(out, Mention{Start: base + a, End: base + b, Kind: MUncatalogued, Name: text[a:b], Category: m.Category})
		known.keepUnlisted(text[a:b], m.Category)
	}
	// "18 Kaya armoured vehicles ... six Kaya vehicles": a name found by
	// its context names the system wherever the document repeats it.
	for _, c := range known.unlisted {
		name := c.name
		for from := 0; from < len(text); {
			k := strings.Index(text[from:], name)
			if k < 0 {
				break
			}
			a, b := from+k, from+k+len(name)
			from = b
			if !taken(a, b) && (a == 0 || !isWordByte(text[a-1])) && (b == len(text) || !isWordByte(text[b])) {
				out = append(out, Mention{Start: base + a, End: base + b, Kind: MUncatalogued, Name: name, Category: c.category})
			}
		}
	}
	// A ship class the catalog lacks: "the Keris class", "Keris-class".
	// After a space or a hyphen, "class" starts a word that wordStarts
	// lists (see mentionFirsts), in a sentence with a classWord.
	if listed.kinds&classWord != 0 {
		for k := nextStartWith(text, wordStarts, 0, 'c'); k < len(wordStarts); k = nextStartWith(text, wordStarts, k+1, 'c') {
			at := wordStarts[k]
			from := at + len("class")
			if at == 0 || text[at-1] != ' ' && text[at-1] != '-' || !strings.HasPrefix(text[at:], "class") ||
				from < len(text) && text[from] >= 'a' && text[from] <= 'z' {
				continue
			}
			a, b, ok := wordEndingBefore(text, at-1)
			if !ok || b != at-1 || b-a < 3 || !isLetterName(text[a:b]) || taken(a, from) || isCommonCapitalised(text[a:b]) || calendarWord(text[a:b]) {
				continue
			}
			out = append(out, Mention{Start: base + a, End: base + from, Kind: MUncatalogued, Name: text[a:from], Category: "naval vessel"})
		}
	}
	// A ship named after a word for its kind, behind its navy's prefix:
	// "the patrol vessel CGS Huravee", "the frigate INS Tabar"; not where
	// the sentence names its class ("the corvette ARC Nariño, a former
	// Pohang-class ship"), nor a navy's own ship ("the Indian Navy
	// offshore patrol vessel INS Sharda arrived").
	for k := range termsEnd {
		m := &out[k] // in the array of out as it was: appends leave it be
		if m.Kind != MTerm || m.Category != "naval vessel" || k > 0 && out[k-1].Kind == MOrg && out[k-1].OrgKind == "government" && out[k-1].End+1 >= m.Start {
			continue
		}
		if a, b, name, ok := shipNameAfter(text, m.End-base); ok && !taken(a, b) && !namesClass(out) {
			out = append(out, Mention{Start: base + a, End: base + b, Kind: MUncatalogued, Name: name, Category: m.Category})
		}
	}
	titleStarts := wordStarts
	if listed.kinds&titleFirst == 0 {
		titleStarts = nil // no listed word may begin a title
	}
	for m, rest := titleRe.nextAt(room[:0], text, titleStarts); m != nil; m, rest = titleRe.nextAt(room[:0], text, rest) {
		a, b := m[2], m[3]
		// "spokesperson Rear Admiral Roy Trinidad": the name is after the
		// last of the titles, which begins it (a, b are read: room is free).
		if in := titleRe.matchAt(room[:0], text[a:], 0); in != nil {
			a, b = a+in[2], a+in[3]
		}
		name := personName(strings.TrimRight(text[a:b], "’'"))
		if taken(a, b) {
			kept, ok := dropSurnameStates(out, base+a, base+b)
			if !ok {
				continue
			}
			out = kept
		}
		out = append(out, Mention{Start: base + a, End: base + b, Kind: MPerson, Name: name})
		known.namePerson(name)
	}
	// orgShapeRe's matches begin before their closing words, which begin
	// at listed starts (orgWord): before the last of those.
	var orgShapeStarts []int
	if listed.kinds&orgWord != 0 {
		orgShapeStarts = wordStarts[:max(0, lastOrgWord(text, wordStarts))]
	}
	for m, rest := orgShapeRe.nextAt(room[:0], text, orgShapeStarts); m != nil; m, rest = orgShapeRe.nextAt(room[:0], text, rest) {
		a, b := m[2], m[3]
		// A state or maker named at its head is no part of the name:
		// "Chinese Qilin Nonferrous Metals".
		for _, o := range out {
			if o.Start-base <= a && o.End-base > a && o.End-base < b {
				a = o.End - base
			}
		}
		name := strings.TrimLeft(text[a:b], " ")
		for _, lead := range []string{"The ", "A ", "An ", "State-owned "} {
			name = strings.TrimPrefix(name, lead)
		}
		a = b - len(name)
		if taken(a, b) || !strings.Contains(strings.TrimSpace(name), " ") {
			continue
		}
		out = append(out, Mention{Start: base + a, End: base + b, Kind: MName, Name: name})
	}
	// People named again by surname alone ("President GOITA", "Mwansa said").
	if known.mayName(text) {
		firsts := known.surnameFirsts()
		for a, b := nextWordBegunBy(text, 0, firsts); a < b; a, b = nextWordBegunBy(text, b, firsts) {
			w := text[a:b]
			if !isCapitalised(w) {
				continue
			}
			if full, ok := lookupLower(known.people, strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")); ok && !taken(a, b) {
				out = append(out, Mention{Start: base + a, End: base + b, Kind: MPerson, Name: full})
			}
		}
	}
	if !inOrder(out) {
		slices.SortFunc(out, func(a, b Mention) int { return a.Start - b.Start }) // no two start alike
	}
	return out
}

// inOrder: the mentions are in the order of their starts, as most
// sentences' are found, which a sort would leave as they are, only slower:
// it copies two mentions to compare them.
func inOrder(ms []Mention) bool {
	for k := 1; k < len(ms); k++ {
		if ms[k].Start < ms[k-1].Start {
			return false
		}
	}
	return true
}

// personName writes a person's name as a reader expects it: wires print
// surnames in capitals ("Assimi GOITA"), and scraped text breaks names
// across lines.
func personName(s string) string {
	if writtenAsIs(s) {
		return s // most are: no copy needed
	}
	words := strings.Fields(s)
	for i, w := range words {
		if inCapitals(w) {
			words[i] = titleWord(w)
		}
	}
	return strings.Join(words, " ")
}

// writtenAsIs: personName(s) is s, its words one space apart and none in
// capitals.
func writtenAsIs(s string) bool {
	end := 0 // where the last word read ends
	for first := true; ; first = false {
		a, b := nextField(s, end)
		if a == b {
			return end == len(s) // no white space after the last word
		}
		// The first word starts s; each other follows one space.
		if first && a != 0 || !first && (a != end+1 || s[end] != ' ') || inCapitals(s[a:b]) {
			return false
		}
		end = b
	}
}

// inCapitals: w is a word that personName writes anew, of more than one
// rune and in capitals: strings.ToUpper(w) == w && strings.ToLower(w) != w,
// without making either.
func inCapitals(w string) bool {
	if utf8.RuneCountInString(w) < 2 {
		return false
	}
	lower := false
	for i, r := range w {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(w[i:]); size == 1 {
				return false // ToUpper writes the stray byte anew
			}
		}
		if unicode.ToUpper(r) != r {
			return false
		}
		lower = lower || unicode.ToLower(r) != r
	}
	return lower
}

// titleWord writes a word in capitals with only its first letter so, and
// the first after a one-letter prefix and an apostrophe: "O'NEILL" is
// "O'Neill", "D’ALEMA" "D’Alema".
func titleWord(w string) string {
	// A Caser keeps state, so each call makes its own.
	title := cases.Title(language.Und).String
	_, size := utf8.DecodeRuneInString(w)
	for _, mark := range []string{"'", "’"} {
		if rest, ok := strings.CutPrefix(w[size:], mark); ok && rest != "" {
			return w[:size] + mark + title(rest)
		}
	}
	return title(w)
}

// dropSurnameStates reads a state's name after a title and a given name as
// a surname ("Rear Admiral Roy Trinidad", "Colonel Michael Jordan"): it
// drops the states inside the person's name [a, b), if they are all that
// the name overlaps and none starts it. It drops them in place.
func dropSurnameStates(out []Mention, a, b int) ([]Mention, bool) {
	inName := func(m Mention) bool { return m.End > a && m.Start < b }
	for _, m := range out {
		if inName(m) && (m.Kind != MCountry || m.Start <= a || m.End > b) {
			return out, false
		}
	}
	return slices.DeleteFunc(out, inName), true
}

// refPreference ranks the kinds of name mentionFromMatch prefers, from 0,
// the most; the kinds it does not rank are len(refPreference).
var refPreference = func() []int {
	order := []catalog.EntryKind{catalog.SystemName, catalog.OrgName, catalog.CountryName, catalog.Demonym, catalog.Capital, catalog.TermName}
	t := make([]int, catalog.PhraseName+1)
	for k := range t {
		t[k] = len(t)
	}
	for rank, kind := range order {
		t[kind] = rank
	}
	return t
}()

// mentionFromMatch makes mm, which is zero, the mention of the catalog's
// name m, if it names one.
func mentionFromMatch(cat *catalog.Catalog, text string, m *catalog.Match, seen systemSet, mm *Mention) bool {
	// Prefer a system, then an organisation, then a state, when one name is
	// several things ("Jordan", "Hawk"): the first ref of the kind
	// preferred most. The refs are read in place; most names have one.
	best, rank := 0, len(refPreference)
	if len(m.Refs) > 1 {
		for k := range m.Refs {
			if kind := m.Refs[k].Kind; int(kind) < len(refPreference) && refPreference[kind] < rank {
				best, rank = k, refPreference[kind]
			}
		}
	}
	ref := &m.Refs[best]
	// "Lynx" is a German, a Chinese and a British system: the one the
	// document has named already is meant.
	if ref.Kind == catalog.SystemName && !seen.has(ref.Index) {
		for k := range m.Refs {
			if r := &m.Refs[k]; r.Kind == catalog.SystemName && seen.has(r.Index) {
				ref = r
				break
			}
		}
	}
	mm.Start, mm.End, mm.Index, mm.Form = m.Start, m.End, ref.Index, ref.Kind
	switch ref.Kind {
	case catalog.PlaceName:
		return false // "Latin America" names no state
	case catalog.CountryName, catalog.Demonym, catalog.Capital:
		c := &cat.Countries[ref.Index]
		mm.Kind, mm.Name, mm.Country = MCountry, c.Name, c.ISO3
	case catalog.OrgName:
		o := &cat.Organisations[ref.Index]
		mm.Kind, mm.Name, mm.Country, mm.OrgKind = MOrg, o.Name, o.Country, o.Kind
	case catalog.SystemName:
		sys := &cat.Systems[ref.Index]
		if ref.LettersOnly && !seen.has(ref.Index) && !coinedName(text[m.Start:m.End]) && !inContext(cat, text, m, sys) {
			return false
		}
		if ref.LettersOnly && placeNamedByClass(text, m, sys) {
			return false // "the yard in Ulsan" is the city, not the Ulsan-class
		}
		if numberRunsOn(text, m.Start, m.End) {
			return false // "estimated at 2.3 billion" names no AT2
		}
		mm.Kind, mm.Name, mm.Country, mm.Category = MSystem, sys.Designation, sys.Country, sys.Category
	case catalog.TermName:
		t := &cat.Terms[ref.Index]
		mm.Kind, mm.Name, mm.Category, mm.Generic = MTerm, t.Text, t.Category, t.Generic
	}
	return true
}

// numberRunsOn: a name in lower case whose digits run on into a number's
// decimals is words and a number ("estimated at 2.3 billion"), where a
// capitalised one may be a version ("Project 636.1").
func numberRunsOn(text string, start, end int) bool {
	return 'a' <= text[start] && text[start] <= 'z' && end+1 < len(text) && digitByte(text[end-1]) &&
		(text[end] == '.' || text[end] == ',') && digitByte(text[end+1])
}

// coinedName: a letters-only name whose hyphen joins a capital ("Igla-S",
// "Pantsir-SM") is coined for a system, no ordinary word that needs
// context to count.
func coinedName(name string) bool {
	k := strings.IndexByte(name, '-')
	return k > 0 && k+1 < len(name) && name[k+1] >= 'A' && name[k+1] <= 'Z'
}

// placeNamedByClass: the match is the lead-ship name of a ship class
// ("Ulsan" of "Ulsan-class") after a preposition of place ("the yard in
// Ulsan"): the town the class is named after.
func placeNamedByClass(text string, m *catalog.Match, sys *catalog.System) bool {
	if !strings.HasSuffix(sys.Designation, "-class") && !strings.HasSuffix(sys.Designation, " class") || holdsClass(text[m.Start:m.End]) {
		return false
	}
	last, _ := LastField(text[:m.Start])
	for _, p := range []string{"in", "at", "near", "off", "from", "to"} {
		if LowerIs(last, p) {
			return true
		}
	}
	return false
}

// holdsClass: strings.ToLower(name) holds "class", without making it.
// Only ASCII letters lower into those of "class" (of the runes beyond
// ASCII, only "İ" and the Kelvin sign lower into ASCII, "i" and "k").
func holdsClass(name string) bool {
	return catalog.ContainsFoldASCII(name, "class", 0)
}

// inContext decides whether a letters-only system name ("Lynx", "Typhoon",
// "Pinaka") is meant as the system: next to a designation or category word,
// or in a sentence that names its maker.
func inContext(cat *catalog.Catalog, text string, m *catalog.Match, sys *catalog.System) bool {
	after := text[m.End:]
	before := text[:m.Start]
	// The name itself may hold the category word: "Pinaka multiple rocket
	// launcher". Its words after the first, the four after it and the two
	// before, each part's words joined by a space:
	name := text[m.Start:m.End]
	_, firstEnd := nextField(name, 0)
	var room [128]byte
	words := appendWords(room[:0], name[firstEnd:])
	words = appendFirstWords(append(words, ' '), after, 4)
	words = appendLastWords(append(words, ' '), before, 2)
	near := string(words)
	for _, nm := range cat.Matcher().FindAll(near) {
		for _, r := range nm.Refs {
			// A neighbour named with its kind ("Aksungur and Akıncı
			// drones") lists systems as a designation would.
			if r.Kind == catalog.TermName || r.Kind == catalog.SystemName && (!r.LettersOnly || strings.Contains(near[nm.Start:nm.End], " ")) {
				return true
			}
		}
	}
	if shapeRe.MatchString(near) {
		return true
	}
	// "the Rafale programme", "its Gripen fleet"
	a, b := nextField(after, 0)
	if next := strings.TrimRight(after[a:b], ",.;:"); next == "programme" || next == "program" || next == "fleet" {
		return true
	}
	if sys.Maker != "" && strings.Contains(strings.ToLower(text), strings.ToLower(sys.Maker)) {
		return true
	}
	if o := cat.Organisation(sys.Maker); o != nil {
		for _, a := range o.Aliases {
			if len(a) > 2 && strings.Contains(text, a) {
				return true
			}
		}
	}
	return false
}

// appendFirstWords appends the first n of strings.Fields(s) joined by
// spaces, read once from only as much of s as they take.
func appendFirstWords(out []byte, s string, n int) []byte {
	end := 0
	for k := 0; k < n; k++ {
		a, b := nextField(s, end)
		if a == b {
			break
		}
		if k > 0 {
			out = append(out, ' ')
		}
		out = append(out, s[a:b]...)
		end = b
	}
	return out
}

// appendLastWords appends the last n of strings.Fields(s) joined by spaces.
func appendLastWords(out []byte, s string, n int) []byte {
	start := len(s)
	for k := 0; k < n; k++ {
		a, b := prevField(s, start)
		if a == b {
			break
		}
		start = a
	}
	return appendWords(out, s[start:])
}

// nextWordSpan finds the first run of isWordRune runes at or after byte
// from of text; start == end when there is none.
func nextWordSpan(text string, from int) (start, end int) {
	start = -1
	for i := from; i < len(text); {
		word, size := asciiWordRune[text[i]], 1
		if text[i] >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			word = isWordRune(r)
		}
		if word && start < 0 {
			start = i
		} else if !word && start >= 0 {
			return start, i
		}
		i += size
	}
	if start < 0 {
		return len(text), len(text)
	}
	return start, len(text)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || r == '\'' || r == '’' || r == '-' }

// asciiWordRune is isWordRune of the ASCII bytes.
var asciiWordRune = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func hasLetterAndDigit(w string) bool {
	return strings.IndexFunc(w, unicode.IsLetter) >= 0 && strings.IndexFunc(w, unicode.IsDigit) >= 0
}

// categoryAfter returns the category of a term that follows within three
// words (a "6x6" or "4×4" between counts as one), or "".
func categoryAfter(mentions []Mention, at int, after string) string {
	for _, m := range mentions {
		if m.Kind != MTerm || m.Start < at {
			continue
		}
		gap := after[:m.Start-at]
		if strings.ContainsAny(gap, ",;:.()") || len(strings.Fields(gap)) > 3 {
			return ""
		}
		return m.Category
	}
	return ""
}
