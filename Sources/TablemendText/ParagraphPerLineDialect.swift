import TablemendModel
import TablemendVocabulary

/// One paragraph per line with no cell or row marks at all: LibreOffice's "Text" export
/// (`--convert-to txt`), and, split at blank lines, docx2txt and docx2python. Every cell slot of
/// a table still gives one paragraph (an empty line for an empty or covered slot), and a cell
/// with several paragraphs gives several lines.
///
/// Rows are rebuilt from what the form's vocabulary says: lines of one character (a vertical
/// label) and label fragments (`一级` + `指标`, `绩效` + `标准`) are joined into one cell; the
/// indicator header (…一级指标, 二级指标, 三级指标, 指标值…) gives the table's width, and the
/// slots after it are cut into rows of that width; before it, a row starts at an empty slot
/// (a covered first column) or at a known field label. Everything here is inferred and said so.
public enum ParagraphPerLineDialect: TextDialect {
  public static let name = "paragraph-per-line"

  public static func score(_ lines: [Substring]) -> Double {
    guard !lines.contains(where: { $0.has("\t") || $0.has("|") }) else { return 0 }
    let entries = entries(lines).map(\.text)
    guard let header = headerRange(entries) else { return 0 }
    // Covered slots (under merged labels) come as runs of empty paragraphs. An export with no
    // such run drops covered cells (mammoth), so slots cannot be counted; blank-line-cells
    // reads that stream by its vocabulary.
    let region = Array(entries[header.upperBound...])
    if !zip(region, region.dropFirst()).contains(where: { $0.isEmpty && $1.isEmpty }) {
      return 0.3
    }
    // Rows cut at the header's width that line 二级 labels up: this is the dialect.
    let fit = bestChunking(
      entries, from: header.upperBound, to: entries.count, minimum: header.count)
    if fit.2 >= 6 { return 0.95 }
    return header.count >= 4 ? 0.6 : 0.3
  }

  /// A paragraph with the line it starts on.
  struct Entry {
    var text: String
    var line: Int
  }

  /// Paragraphs: one per line, or, when blank lines separate every paragraph, one per block.
  static func entries(_ lines: [Substring]) -> [Entry] {
    let blank = lines.filter { $0.allSatisfy(\.isWhitespace) }.count
    let separated = lines.count > 8 && Double(blank) / Double(lines.count) > 0.4
    var raw: [Entry] = []
    if separated {
      // Paragraphs joined by a blank line: n blank lines in a row hold n - 1 empty paragraphs.
      var i = 0
      var run = 0
      while i < lines.count {
        if lines[i].allSatisfy(\.isWhitespace) {
          run += 1
        } else {
          if run > 1 && !raw.isEmpty {
            for _ in 0..<((run - 1) / 2) { raw.append(Entry(text: "", line: i)) }
          }
          run = 0
          raw.append(Entry(text: CellCleaner.trim(String(lines[i])), line: i + 1))
        }
        i += 1
      }
    } else {
      raw = lines.enumerated().map { Entry(text: CellCleaner.trim(String($1)), line: $0 + 1) }
    }
    return joinFragments(raw)
  }

  /// True when the export writes a merged cell's text into every slot it covers
  /// (docx2python): many paragraphs equal to the one before.
  static func repeatsMergedText(_ entries: [Entry]) -> Bool {
    let filled = entries.filter { !$0.text.isEmpty }
    let repeats = zip(filled, filled.dropFirst()).filter { $0.text == $1.text }.count
    return filled.count > 20 && Double(repeats) / Double(filled.count) > 0.2
  }

  /// A run of equal paragraphs as one cell. Used above the indicator header only: there
  /// spans are common, while in indicator rows two equal neighbours are usually two cells
  /// (上年 and 预期当年实现值 alike), and a repeated span keeps the header as wide as the rows.
  static func collapsingRepeats(_ entries: ArraySlice<Entry>) -> [Entry] {
    var out: [Entry] = []
    for e in entries {
      if let last = out.last, !e.text.isEmpty, last.text == e.text { continue }
      out.append(e)
    }
    return out
  }

  /// Joins vertical labels (one character per line) and wrapped label fragments.
  static func joinFragments(_ raw: [Entry]) -> [Entry] {
    var out: [Entry] = []
    var i = 0
    while i < raw.count {
      let e = raw[i]
      // A run of single CJK characters is a vertical label.
      var j = i
      while j < raw.count, raw[j].text.count == 1, isCJK(raw[j].text) { j += 1 }
      if j - i >= 2 {
        out.append(Entry(text: raw[i..<j].map(\.text).joined(), line: e.line))
        i = j
        continue
      }
      // Two or three lines that make one known label.
      var joined = false
      for n in [3, 2] where i + n <= raw.count {
        let parts = raw[i..<(i + n)].map(\.text)
        guard parts.allSatisfy({ !$0.isEmpty }) else { continue }
        let word = parts.joined()
        if DialectWords.joinedLabels.contains(word)
          || (parts.last?.hasPrefix("（") == true && n == 2
            && parts[0].count <= 6 && word.hasSuffix("）"))
        {
          out.append(Entry(text: word, line: e.line))
          i += n
          joined = true
          break
        }
      }
      if !joined {
        out.append(e)
        i += 1
      }
    }
    return out
  }

  static func isCJK(_ s: String) -> Bool {
    s.unicodeScalars.allSatisfy { (0x3400...0x9FFF).contains($0.value) }
  }

  /// The entries of the indicator header row, including a block label just before it.
  static func headerRange(_ texts: [String], after: Int = 0) -> Range<Int>? {
    guard after < texts.count, let first = texts[after...].firstIndex(of: "一级指标") else {
      return nil
    }
    var end = first
    while end < texts.count, DialectWords.headerRow.contains(where: { texts[end].hasPrefix($0) }) {
      end += 1
    }
    guard end - first >= 3 else { return nil }
    let start = first > 0 && texts[first - 1].hasSuffix("指标") ? first - 1 : first
    return start..<end
  }

  public static func tokenize(_ lines: [Substring], limits: Limits) throws(TextError)
    -> TokenizedText
  {
    var all = entries(lines)
    if repeatsMergedText(all), let header = headerRange(all.map(\.text)) {
      all = collapsingRepeats(all[..<header.lowerBound]) + Array(all[header.lowerBound...])
    }
    let texts = all.map(\.text)
    var segments: [Segment] = []
    guard let header = headerRange(texts) else {
      for e in all where !e.text.isEmpty {
        segments.append(.paragraph(e.text, Location(line: e.line, column: 1)))
      }
      return TokenizedText(dialect: name, segments: segments, diagnostics: [])
    }
    // The table starts at the first field label before the header.
    let tableStart =
      all[..<header.lowerBound].firstIndex { e in
        DialectWords.rowFields.contains { e.text.hasPrefix($0) }
      }
      ?? header.lowerBound
    // Title lines and document paragraphs before the table.
    for e in all[..<tableStart] where !e.text.isEmpty {
      segments.append(.paragraph(e.text, Location(line: e.line, column: 1)))
    }
    func cell(_ e: Entry) -> RawCell {
      RawCell(
        paragraphs: e.text.isEmpty ? [] : [e.text], location: Location(line: e.line, column: 1))
    }
    var rows: [RawRow] = []
    var current: [Entry] = []
    func flush() {
      if current.contains(where: { !$0.text.isEmpty }), let first = current.first {
        rows.append(
          RawRow(cells: current.map(cell), location: Location(line: first.line, column: 1)))
      }
      current = []
    }
    for e in all[tableStart..<header.lowerBound] {
      let startsRow = e.text.isEmpty || DialectWords.rowFields.contains { e.text.hasPrefix($0) }
      if startsRow && current.contains(where: { !$0.text.isEmpty }) { flush() }
      if e.text.isEmpty && current.isEmpty == false && current.allSatisfy({ $0.text.isEmpty }) {
        continue
      }
      current.append(e)
    }
    flush()
    // Each indicator block: its header row, rows cut to the width that lines the 二级 labels
    // up best, and what is left before the next block as one row.
    var blockStart = header
    var end = all.count
    while true {
      rows.append(
        RawRow(
          cells: all[blockStart].map(cell),
          location: Location(line: all[blockStart.lowerBound].line, column: 1)))
      let next = headerRange(texts, after: blockStart.upperBound)
      var regionEnd = next?.lowerBound ?? all.count
      if let stop = all[blockStart.upperBound..<regionEnd].firstIndex(where: {
        startsDocumentParagraph($0.text)
      }) {
        regionEnd = stop
        end = stop
      }
      let (start, width, _) = bestChunking(
        texts, from: blockStart.upperBound, to: regionEnd, minimum: blockStart.count,
        level2Column: texts[blockStart].firstIndex(of: "二级指标").map { $0 - blockStart.lowerBound })
      // Sub-header rows before the first data row: each a run of covered (empty) slots, then
      // its words. A row shorter than the data rows holds a cell spanning columns; its last
      // word is put in the last column (the cells under a spanning sub-header come next).
      if start > blockStart.upperBound {
        var subRows: [[Entry]] = []
        for e in all[blockStart.upperBound..<start] {
          if e.text.isEmpty, let last = subRows.last?.last, !last.text.isEmpty {
            subRows.append([e])
          } else if subRows.isEmpty {
            subRows.append([e])
          } else {
            subRows[subRows.count - 1].append(e)
          }
        }
        for var sub in subRows where sub.contains(where: { !$0.text.isEmpty }) {
          if sub.count < width, let last = sub.lastIndex(where: { !$0.text.isEmpty }), last > 0,
            !sub[last - 1].text.isEmpty
          {
            let filler = Entry(text: "", line: sub[last].line)
            sub.insert(contentsOf: Array(repeating: filler, count: width - sub.count), at: last)
          }
          rows.append(
            RawRow(
              cells: sub.map(cell), location: Location(line: sub.first?.line ?? 1, column: 1)))
        }
      }
      var i = start
      while i + width <= regionEnd {
        let chunk = Array(all[i..<(i + width)])
        rows.append(
          RawRow(cells: chunk.map(cell), location: Location(line: chunk[0].line, column: 1)))
        i += width
      }
      if i < regionEnd {
        let rest = all[i..<regionEnd]
        if rest.contains(where: { !$0.text.isEmpty }) {
          rows.append(
            RawRow(
              cells: rest.map(cell), location: Location(line: rest.first?.line ?? 1, column: 1)))
        }
      }
      guard let next, end == all.count else { break }
      blockStart = next
    }
    segments.append(.rows(rows))
    for e in all[end...] where !e.text.isEmpty {
      segments.append(.paragraph(e.text, Location(line: e.line, column: 1)))
    }
    let width = header.count
    let note = Diagnostic(
      .warning, "rows-inferred",
      "the export keeps no cell or row marks; rows were rebuilt from the form's vocabulary "
        + "and the indicator header's width (\(width) cells)",
      at: Location(line: all[header.lowerBound].line, column: 1))
    return TokenizedText(dialect: name, segments: segments, diagnostics: [note])
  }

  /// Where the data rows of a block start and how wide they are: the cut that puts known 二级
  /// labels in one column of the most rows (sub-header rows and covered slots make the header
  /// row's own count unreliable).
  /// Among equal cuts, the one that puts the labels in the header's 二级 column wins.
  static func bestChunking(
    _ texts: [String], from: Int, to: Int, minimum: Int, level2Column: Int? = nil
  ) -> (Int, Int, Int) {
    var best = (from, max(minimum, 1))
    var bestScore = -1
    for width in max(2, minimum - 1)...(minimum + 4) {
      var start = from
      while start <= min(from + 3 * width, to) {
        var counts = [Int](repeating: 0, count: width)
        var rows = 0
        var i = start
        while i + width <= to {
          for p in 0..<width where isLevel2(texts[i + p]) { counts[p] += 1 }
          rows += 1
          i += width
        }
        // Two period groups put labels in two columns: count the two best.
        let sorted = counts.sorted(by: >)
        var score = 2 * ((sorted.first ?? 0) + (sorted.dropFirst().first ?? 0))
        if let level2Column, level2Column < width, counts[level2Column] == sorted.first,
          counts[level2Column] > 0
        {
          score += 1
        }
        if rows > 0 && score > bestScore {
          bestScore = score
          best = (start, width)
        }
        start += 1
      }
    }
    return (best.0, best.1, bestScore)
  }

  static func isLevel2(_ text: String) -> Bool {
    let t = text.hasSuffix("指标") ? text : text + "指标"
    return DialectWords.commonLevel2.contains(t)
  }

  nonisolated(unsafe) static let documentNumbering = /^(\d+[.、．]\s*[“"]|（\d+）|\(\d+\))/

  /// Text that opens a new document section rather than a cell: `2.“…”项目。`, `（1）…`, a title.
  static func startsDocumentParagraph(_ text: String) -> Bool {
    if text.has("绩效目标表") || text.has("绩效目标申报表") { return true }
    return text.firstMatch(of: documentNumbering) != nil
  }
}
