import TablemendModel

/// AsciiDoc tables (`pandoc -t asciidoc`, Asciidoctor sources): `|===` opens and closes a
/// table, each cell starts with `|`, a span specifier before the bar gives its size (`2+|` two
/// columns, `.3+|` three rows, `2.3+|` both, `3*|` the cell three times).
///
/// Cells flow into rows: the column count comes from the `cols` attribute (`cols="16%,14%"`,
/// `cols="3*"`) or, without one, from the cells on the table's first line; a row ends when its
/// columns are filled, slots covered by a row span above counted. Spans are exact. Text after a
/// cell's first line belongs to that cell (a blank line separates its paragraphs).
public enum AsciiDocDialect: TextDialect {
  public static let name = "asciidoc"

  public static func score(_ lines: [Substring]) -> Double {
    let fences = lines.prefix(20_000).filter { $0.trimmingTrailingSpaces == "|===" }.count
    return fences >= 2 ? 0.97 : 0
  }

  /// One cell as written: its text lines, spans, how many times it repeats, where it starts.
  struct Written {
    var lines: [Substring]
    var rowSpan = 1
    var columnSpan = 1
    var copies = 1
    var location: Location
  }

  public static func tokenize(_ lines: [Substring], limits: Limits) throws(TextError)
    -> TokenizedText
  {
    var segments: [Segment] = []
    var cleaner = CellCleaner()
    var columns: Int?
    var inTable = false
    var written: [Written] = []
    var firstLineCells = 0
    var tableLine = 1

    for (index, line) in lines.enumerated() {
      let number = index + 1
      guard line.count <= limits.maxLineLength else {
        throw TextError(
          place: "\(number):1", message: "line longer than \(limits.maxLineLength) characters")
      }
      let t = line.trimmingTrailingSpaces
      if t == "|===" {
        if inTable {
          let count = columns ?? max(firstLineCells, 1)
          let rows = place(written, columns: count, cleaner: &cleaner)
          if !rows.isEmpty { segments.append(.rows(rows)) }
          written = []
          columns = nil
          firstLineCells = 0
        } else {
          tableLine = number
        }
        inTable.toggle()
        continue
      }
      if !inTable {
        let text = String(t).trimmedPadding()
        if text.hasPrefix("["), text.hasSuffix("]") {
          columns = columnCount(text)
          continue
        }
        if !text.isEmpty, text != "{empty}" {
          segments.append(.paragraph(text, Location(line: number, column: 1)))
        }
        continue
      }
      let starts = cellStarts(t)
      if number == tableLine + 1 || (firstLineCells == 0 && written.isEmpty) {
        firstLineCells = starts.reduce(0) { $0 + $1.copies * $1.columnSpan }
      }
      if let first = starts.first?.offset, first > 0, !written.isEmpty {
        written[written.count - 1].lines.append(t[..<t.index(t.startIndex, offsetBy: first)])
      } else if starts.isEmpty {
        if !written.isEmpty { written[written.count - 1].lines.append(t) }
        continue
      }
      for (n, start) in starts.enumerated() {
        let from = t.index(t.startIndex, offsetBy: start.contentOffset)
        let to =
          n + 1 < starts.count ? t.index(t.startIndex, offsetBy: starts[n + 1].offset) : t.endIndex
        written.append(
          Written(
            lines: [t[from..<to]], rowSpan: start.rowSpan, columnSpan: start.columnSpan,
            copies: start.copies, location: Location(line: number, column: start.offset + 1)))
      }
    }
    if inTable {
      let rows = place(written, columns: columns ?? max(firstLineCells, 1), cleaner: &cleaner)
      if !rows.isEmpty { segments.append(.rows(rows)) }
    }
    return TokenizedText(dialect: name, segments: segments, diagnostics: cleaner.diagnostics())
  }

  /// The number of columns a `[cols="…"]` attribute line gives, or nil.
  static func columnCount(_ attributes: String) -> Int? {
    guard let range = attributes.range(of: "cols=\"") else { return nil }
    let value = attributes[range.upperBound...].prefix { $0 != "\"" }
    if let star = value.firstIndex(of: "*"), let n = Int(value[..<star]), n >= 1 {
      return min(n, 1000)
    }
    let count = value.split(separator: ",", omittingEmptySubsequences: false).count
    return count >= 1 ? min(count, 1000) : nil
  }

  /// Where a cell starts on a line: the specifier's offset, the content's, spans and copies.
  struct Start {
    var offset: Int
    var contentOffset: Int
    var rowSpan = 1
    var columnSpan = 1
    var copies = 1
  }

  /// The cells that start on a line: a `|` not escaped (`\|`), at the line's start or after a
  /// space, with an optional specifier right before it.
  static func cellStarts(_ line: Substring) -> [Start] {
    let chars = Array(line)
    var out: [Start] = []
    for (i, c) in chars.enumerated() where c == "|" {
      if i > 0, chars[i - 1] == "\\" { continue }
      // The specifier: digits, `.`, `+`, `*` and a style letter, back to a space or the start.
      var s = i
      while s > 0, isSpecifier(chars[s - 1]) { s -= 1 }
      if s > 0, !chars[s - 1].isWhitespace { continue }
      guard var start = parse(String(chars[s..<i])) else {
        if s == i { continue }
        // Not a specifier after all (`注:100%|`): only a bare bar after a space starts a cell.
        if i > 0, !chars[i - 1].isWhitespace { continue }
        out.append(Start(offset: i, contentOffset: i + 1))
        continue
      }
      start.offset = s
      start.contentOffset = i + 1
      out.append(start)
    }
    return out
  }

  static func isSpecifier(_ c: Character) -> Bool {
    c.isASCII && (c.isNumber || c == "." || c == "+" || c == "*" || "adehlmsv<>^".contains(c))
  }

  /// A specifier (`2+`, `.3+`, `2.3+`, `3*`, `a`, empty) as spans and copies; nil when the text
  /// is no specifier.
  static func parse(_ spec: String) -> Start? {
    var rest = Substring(spec)
    // Alignment and style marks are not spans.
    while let last = rest.last, "adehlmsv<>^.".contains(last), !rest.hasSuffix("+") {
      if last == "." && rest.dropLast().last?.isNumber == true { break }
      rest = rest.dropLast()
    }
    var start = Start(offset: 0, contentOffset: 0)
    if rest.isEmpty { return start }
    if rest.hasSuffix("*") {
      guard let n = Int(rest.dropLast()), n >= 1 else { return nil }
      start.copies = min(n, 1000)
      return start
    }
    guard rest.hasSuffix("+") else { return nil }
    let body = rest.dropLast()
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2 else { return nil }
    if let c = parts.first, !c.isEmpty {
      guard let n = Int(c), n >= 1 else { return nil }
      start.columnSpan = min(n, 1000)
    }
    if parts.count == 2 {
      guard let n = Int(parts[1]), n >= 1 else { return nil }
      start.rowSpan = min(n, 1000)
    }
    return start
  }

  /// The cells flowed into rows of `columns` slots, row spans above taken into account.
  static func place(_ written: [Written], columns: Int, cleaner: inout CellCleaner) -> [RawRow] {
    var rows: [[RawCell]] = []
    var covered: [Int: Set<Int>] = [:]  // row → columns a span from above covers
    var r = 0
    var c = 0
    func skipCovered() {
      while true {
        while c < columns, covered[r]?.contains(c) == true { c += 1 }
        if c < columns { return }
        r += 1
        c = 0
      }
    }
    for cell in written {
      for _ in 0..<cell.copies {
        skipCovered()
        let span = max(1, min(cell.columnSpan, columns - c))
        let paragraphs = cell.lines.map { Substring(String($0).trimmedPadding()) }
          .map { $0.hasSuffix(" +") ? $0.dropLast(2) : $0 }
          .map { $0 == "{empty}" ? Substring("") : $0 }
        let raw = RawCell(
          paragraphs: cleaner.clean(paragraphs, at: cell.location), location: cell.location,
          columnSpan: span, rowSpan: cell.rowSpan, column: c)
        while rows.count <= r { rows.append([]) }
        rows[r].append(raw)
        for below in r..<(r + cell.rowSpan) {
          for k in c..<(c + span) { covered[below, default: []].insert(k) }
        }
        c += span
      }
    }
    return rows.enumerated().compactMap { n, cells in
      guard let first = cells.first else { return nil }
      return RawRow(cells: cells, location: Location(line: first.location.line, column: 1))
    }
  }
}
