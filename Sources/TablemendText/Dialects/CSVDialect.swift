import TablemendModel

/// Comma-separated values (a form kept in Excel or WPS 表格 and saved as CSV): one record per
/// line, fields separated by commas, a field holding commas, quotes or line breaks quoted
/// (`"合格率,一次"`, `""` for a quote), as RFC 4180 writes them.
///
/// Merged cells come out as empty fields, as in a tab-separated export: leading empties stand
/// for vertical merges and trailing ones for horizontal merges, and the grid stage reads them
/// so. A line break inside a quoted field splits the cell into paragraphs.
public enum CSVDialect: TextDialect {
  public static let name = "csv"

  public static func score(_ lines: [Substring]) -> Double {
    var records = 0
    var counts: [Int: Int] = [:]
    // Fields per record: a quoted field may run over lines.
    var fields = 1
    var quoted = false
    var text = false
    for line in lines.prefix(5000) {
      if line.utf8.contains(9) { return 0 }
      let bytes = Array(line.utf8)
      for (i, byte) in bytes.enumerated() {
        if byte == UInt8(ascii: "\"") {
          quoted.toggle()
        } else if byte == UInt8(ascii: ","), !quoted, !isThousandsSeparator(bytes, i) {
          fields += 1
        } else if byte != 0x20 {
          text = true
        }
      }
      guard !quoted else { continue }
      if text || fields > 1 {
        records += 1
        if fields >= 3 { counts[fields, default: 0] += 1 }
      }
      fields = 1
      text = false
    }
    let separated = counts.values.reduce(0, +)
    guard records >= 3, separated >= 3 else { return 0 }
    // Excel writes every record with the same number of fields.
    let mostCommon = counts.values.max() ?? 0
    guard Double(separated) / Double(records) >= 0.6, mostCommon * 2 >= separated else {
      return 0
    }
    return min(0.9, Double(separated) / Double(records))
  }

  /// A comma between digits with exactly three digits after it (`4,100,000.00`): prose with
  /// amounts, not a field separator (Excel quotes such a number in a CSV).
  static func isThousandsSeparator(_ bytes: [UInt8], _ i: Int) -> Bool {
    func isDigit(_ k: Int) -> Bool { k >= 0 && k < bytes.count && (48...57).contains(bytes[k]) }
    return isDigit(i - 1) && isDigit(i + 1) && isDigit(i + 2) && isDigit(i + 3) && !isDigit(i + 4)
  }

  public static func tokenize(_ lines: [Substring], limits: Limits) throws(TextError)
    -> TokenizedText
  {
    var segments: [Segment] = []
    var rows: [RawRow] = []
    var cleaner = CellCleaner()
    var fields: [(text: String, location: Location)] = []
    var field = ""
    var fieldStart = Location(line: 1, column: 1)
    var quoted = false
    var recordLine = 1
    var sawBlank = false

    func endField() {
      fields.append((field, fieldStart))
      field = ""
    }
    func endRecord() {
      let record = fields
      fields = []
      let filled = record.filter { !$0.text.allSatisfy(\.isWhitespace) }
      if filled.isEmpty {
        if !rows.isEmpty { sawBlank = true }
        return
      }
      if record.count == 1 {
        // A line without a comma: a paragraph outside the table.
        if !rows.isEmpty {
          segments.append(.rows(rows))
          rows = []
        }
        sawBlank = false
        let text = cleaner.clean([Substring(record[0].text)], at: record[0].location)
          .joined(separator: " ")
        segments.append(.paragraph(text, record[0].location))
        return
      }
      let cells = record.map { f in
        RawCell(
          paragraphs: cleaner.clean(f.text.split(separator: "\n"), at: f.location),
          location: f.location)
      }
      rows.append(
        RawRow(cells: cells, location: Location(line: recordLine, column: 1), afterBreak: sawBlank))
      sawBlank = false
    }

    for (index, line) in lines.enumerated() {
      guard line.count <= limits.maxLineLength else {
        throw TextError(
          place: "\(index + 1):1", message: "line longer than \(limits.maxLineLength) characters")
      }
      if !quoted {
        recordLine = index + 1
        fieldStart = Location(line: index + 1, column: 1)
      } else {
        field.append("\n")
      }
      var column = 1
      var previousWasQuote = false
      for c in line {
        if quoted {
          if c == "\"" {
            quoted = false
            previousWasQuote = true
          } else {
            field.append(c)
          }
        } else if c == "\"" {
          // `""` inside a quoted field is a quote; a quote opening a field starts quoting.
          if previousWasQuote { field.append("\"") }
          quoted = true
          previousWasQuote = false
        } else if c == "," {
          endField()
          fieldStart = Location(line: index + 1, column: column + 1)
          previousWasQuote = false
        } else {
          field.append(c)
          previousWasQuote = false
        }
        column += 1
      }
      if !quoted {
        endField()
        endRecord()
      }
    }
    if quoted {
      endField()
      endRecord()
    }
    if !rows.isEmpty { segments.append(.rows(rows)) }
    return TokenizedText(dialect: name, segments: segments, diagnostics: cleaner.diagnostics())
  }
}
