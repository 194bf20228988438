import TablemendModel

/// A document as aligned text tables for a terminal (`tablemend show`): each form's title,
/// fields and funds, then its indicators one row each, columns padded by display width (a
/// Chinese character is two columns wide); with `tables`, every grid as read.
public enum TerminalView {
  /// The text of `document`. `bold` wraps headers in ANSI bold (only for a terminal).
  public static func render(_ document: Document, tables: Bool = false, bold: Bool = false)
    -> String
  {
    var out = ""
    func heading(_ text: String) -> String { bold ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    if document.forms.isEmpty {
      out += "\(document.source.path): no form recognised (dialect \(document.source.dialect))\n"
    }
    for (n, form) in document.forms.enumerated() {
      if n > 0 { out += "\n" }
      out += heading("\(form.title ?? "(untitled)") [\(form.kind.rawValue)]") + "\n"
      for key in form.fields.keys.sorted() {
        out += "  \(key): \(clip(form.fields[key] ?? "", to: 72))\n"
      }
      for fund in form.funds {
        out += "  \(fund.label) (\(fund.period)): \(format(fund.amount)) \(fund.unit)\n"
      }
      guard !form.indicators.isEmpty else { continue }
      let rows = form.indicators.map { i in
        [i.period, i.level1, i.level2, i.level3, i.value.raw, i.value.kind.rawValue]
      }
      out += table(
        header: ["period", "一级", "二级", "三级", "target", "kind"], rows: rows, heading: heading)
    }
    if tables {
      for table in document.tables {
        out += "\n" + heading("table \(table.id): \(table.rowCount) × \(table.columnCount)") + "\n"
        out += grid(table)
      }
    }
    for d in document.diagnostics where d.severity != .info {
      out += "\(d.severity.rawValue): \(d.code): \(d.message)\n"
    }
    return out
  }

  /// Rows padded to their columns' display widths, two spaces apart.
  static func table(header: [String], rows: [[String]], heading: (String) -> String) -> String {
    let all = [header] + rows
    var widths = [Int](repeating: 0, count: header.count)
    for row in all {
      for (c, text) in row.enumerated() { widths[c] = max(widths[c], width(clip(text))) }
    }
    var out = ""
    for (r, row) in all.enumerated() {
      var line = "  "
      for (c, text) in row.enumerated() {
        let shown = clip(text)
        line += shown
        if c + 1 < row.count { line += String(repeating: " ", count: widths[c] - width(shown) + 2) }
      }
      out += (r == 0 ? heading(line) : line) + "\n"
    }
    return out
  }

  /// A table's grid, each cell at its row and column (a spanning cell in its first slot; the
  /// slots it covers show `^` above and `<` beside).
  static func grid(_ table: Table) -> String {
    var slots = [[String]](
      repeating: [String](repeating: "", count: table.columnCount), count: table.rowCount)
    for cell in table.cells {
      for r in cell.row..<min(table.rowCount, cell.row + cell.rowSpan) {
        for c in cell.column..<min(table.columnCount, cell.column + cell.columnSpan) {
          slots[r][c] = r == cell.row && c == cell.column ? cell.text : (r > cell.row ? "^" : "<")
        }
      }
    }
    guard let header = slots.first else { return "" }
    return Self.table(header: header, rows: Array(slots.dropFirst()), heading: { $0 })
  }

  /// Text on one line, at most `limit` display columns.
  static func clip(_ text: String, to limit: Int = 40) -> String {
    var out = ""
    var w = 0
    for ch in text.replacingOccurrences(of: "\n", with: " ") {
      let cw = width(String(ch))
      if w + cw > limit - 1 { return out + "…" }
      out.append(ch)
      w += cw
    }
    return out
  }

  /// Display width: East Asian wide and full-width characters count two.
  static func width(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { sum, s in
      switch s.value {
      case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x20000...0x3FFFD:
        return sum + 2
      case 0x0300...0x036F, 0x200B...0x200F:
        return sum
      default:
        return sum + 1
      }
    }
  }

  static func format(_ amount: Double) -> String {
    amount == amount.rounded() && abs(amount) < 1e15 ? String(Int(amount)) : String(amount)
  }
}
