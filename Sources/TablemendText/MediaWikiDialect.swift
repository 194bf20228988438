import TablemendModel

/// MediaWiki tables (`pandoc -t mediawiki`, a wiki page's source): `{|` opens a table, `|-`
/// starts a row, `|` or `!` starts a cell (several on one line with `||` / `!!`), `|}` closes.
///
/// A cell's attributes come before a single `|` (`rowspan="3" colspan="2"| 项目资金`), so its
/// row and column spans are exact; text on the lines after a cell's first line belongs to that
/// cell (blank lines separate its paragraphs). Text outside tables is kept as paragraphs.
public enum MediaWikiDialect: TextDialect {
  public static let name = "mediawiki"

  public static func score(_ lines: [Substring]) -> Double {
    var opens = 0
    var rows = 0
    var closes = 0
    for line in lines.prefix(20_000) {
      let t = line.trimmingTrailingSpaces
      if t.hasPrefix("{|") { opens += 1 }
      if t.hasPrefix("|-") { rows += 1 }
      if t.hasPrefix("|}") { closes += 1 }
    }
    return opens >= 1 && closes >= 1 && rows >= 2 ? 0.97 : 0
  }

  /// One cell being read.
  struct PendingCell {
    var paragraphs: [Substring]
    var location: Location
    var rowSpan: Int
    var columnSpan: Int
  }

  public static func tokenize(_ lines: [Substring], limits: Limits) throws(TextError)
    -> TokenizedText
  {
    var segments: [Segment] = []
    var cleaner = CellCleaner()
    var rows: [RawRow] = []
    var cells: [RawCell] = []
    var cell: PendingCell?
    var rowLine = 1
    var depth = 0

    func endCell() {
      guard let open = cell else { return }
      let paragraphs = open.paragraphs.map { Substring(withoutWikiMarkup(String($0))) }
      cells.append(
        RawCell(
          paragraphs: cleaner.clean(paragraphs, at: open.location), location: open.location,
          columnSpan: open.columnSpan, rowSpan: open.rowSpan))
      cell = nil
    }
    func endRow() {
      endCell()
      if !cells.isEmpty {
        rows.append(RawRow(cells: cells, location: Location(line: rowLine, column: 1)))
      }
      cells = []
    }

    for (index, line) in lines.enumerated() {
      let number = index + 1
      guard line.count <= limits.maxLineLength else {
        throw TextError(
          place: "\(number):1", message: "line longer than \(limits.maxLineLength) characters")
      }
      let t = Substring(String(line).trimmedPadding())
      if depth == 0 {
        if t.hasPrefix("{|") {
          depth = 1
          rowLine = number
          continue
        }
        if !t.isEmpty {
          let text = cleaner.clean(
            [Substring(withoutWikiMarkup(String(t)))],
            at: Location(
              line: number, column: 1)
          ).joined(separator: " ")
          if !text.isEmpty { segments.append(.paragraph(text, Location(line: number, column: 1))) }
        }
        continue
      }
      if t.hasPrefix("{|") {
        // A table inside a cell: its text stays in the cell.
        depth += 1
        continue
      }
      if t.hasPrefix("|}") {
        depth -= 1
        if depth == 0 {
          endRow()
          if !rows.isEmpty { segments.append(.rows(rows)) }
          rows = []
        }
        continue
      }
      if depth > 1 { continue }
      if t.hasPrefix("|-") {
        endRow()
        rowLine = number + 1
        continue
      }
      if t.hasPrefix("|+") {
        endCell()
        let caption = String(t.dropFirst(2)).trimmedPadding()
        if !caption.isEmpty {
          segments.append(.paragraph(caption, Location(line: number, column: 1)))
        }
        continue
      }
      if let first = t.first, first == "|" || first == "!" {
        endCell()
        let indent = line.count - line.drop(while: { $0 == " " || $0 == "\t" }).count
        let body = t.dropFirst()
        let separator = first == "!" ? "!!" : "||"
        var column = indent + 2
        for part in split(body, on: separator) {
          endCell()
          let (rowSpan, columnSpan, content) = attributes(part)
          cell = PendingCell(
            paragraphs: [content], location: Location(line: number, column: column),
            rowSpan: rowSpan, columnSpan: columnSpan)
          column += part.count + separator.count
        }
        continue
      }
      // A line of the current cell's text.
      if t.isEmpty { continue }
      if cell != nil {
        cell?.paragraphs.append(t)
      } else {
        cell = PendingCell(
          paragraphs: [t], location: Location(line: number, column: 1), rowSpan: 1, columnSpan: 1)
      }
    }
    if depth > 0 {
      endRow()
      if !rows.isEmpty { segments.append(.rows(rows)) }
    }
    return TokenizedText(dialect: name, segments: segments, diagnostics: cleaner.diagnostics())
  }

  /// `text` cut at every `separator`.
  static func split(_ text: Substring, on separator: String) -> [Substring] {
    var parts: [Substring] = []
    var rest = text
    while let range = rest.range(of: separator) {
      parts.append(rest[..<range.lowerBound])
      rest = rest[range.upperBound...]
    }
    parts.append(rest)
    return parts
  }

  /// A cell's row span, column span and content: attributes before a single `|` are read when
  /// they look like attributes (`name="value"`).
  static func attributes(_ part: Substring) -> (Int, Int, Substring) {
    guard let bar = part.firstIndex(of: "|") else { return (1, 1, part) }
    let head = part[..<bar]
    guard head.contains("=") else { return (1, 1, part) }
    return (span(head, "rowspan"), span(head, "colspan"), part[part.index(after: bar)...])
  }

  /// The value of `name="N"` (quotes optional) in an attribute list, 1 when absent or unreadable.
  static func span(_ attributes: Substring, _ name: String) -> Int {
    guard let range = attributes.range(of: name + "=") else { return 1 }
    let digits = attributes[range.upperBound...].drop { $0 == "\"" || $0 == "'" }.prefix {
      $0.isASCII && $0.isNumber
    }
    guard let n = Int(digits.prefix(4)), n >= 1 else { return 1 }
    return min(n, 1000)
  }

  /// Wiki emphasis (`'''bold'''`, `''italic''`) and `<br />` removed.
  static func withoutWikiMarkup(_ text: String) -> String {
    guard text.contains("''") || text.contains("<br") else { return text }
    return text.replacing("'''", with: "").replacing("''", with: "")
      .replacing(/<br\s*\/?>/, with: " ")
  }
}
