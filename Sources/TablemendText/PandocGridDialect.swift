import TablemendAlign
import TablemendModel
import TablemendVocabulary

/// Pandoc's grid tables (`pandoc -t plain`, `-t markdown`): cells drawn with `+---+` and `|`.
///
/// The table is read as a canvas in display columns (CJK characters are two columns wide, as
/// pandoc lays them out): column boundaries are the `+` positions of the border lines, row
/// boundaries the border lines themselves, and two neighbouring slots belong to one cell where
/// no border separates them. Pandoc 3 draws row and column spans that way, so they come out
/// exact; pandoc 2 draws every slot, and the grid stage's rules for empty cells apply. Text
/// wrapped inside a cell is joined back (no space between CJK characters); blank lines inside a
/// cell separate paragraphs. A table pandoc could not draw (`[TABLE]`) is reported.
public enum PandocGridDialect: TextDialect {
  public static let name = "pandoc-grid"

  public static func score(_ lines: [Substring]) -> Double {
    if lines.contains(where: { dashRuns($0).count >= 2 }) {
      let multiline = lines.filter { dashRuns($0).count >= 2 }.count
      if multiline >= 2 { return 1 }
      // One column rule: a multiline table with a header row.
      if lines.indices.contains(where: { headedMultiline(lines, at: $0) != nil }) { return 1 }
    }
    var borders = 0
    var framed = 0
    var nonEmpty = 0
    for line in lines {
      let t = line.trimmingTrailingSpaces
      if t.isEmpty { continue }
      nonEmpty += 1
      if isBorder(t) && t.first == "+" { borders += 1 }
      if t.first == "|" || t.first == "+" { framed += 1 }
    }
    guard borders >= 2, nonEmpty > 0 else { return 0 }
    return min(1, Double(framed) / Double(nonEmpty) + 0.3)
  }

  public static func tokenize(_ lines: [Substring], limits: Limits) throws(TextError)
    -> TokenizedText
  {
    var segments: [Segment] = []
    var diagnostics: [Diagnostic] = []
    var cleaner = CellCleaner()
    var i = 0
    while i < lines.count {
      let line = lines[i].trimmingTrailingSpaces
      if line.first == "+" && isBorder(line) {
        var end = i + 1
        var previousIsBorder = true
        while end < lines.count {
          let l = lines[end].trimmingTrailingSpaces
          guard l.first == "|" || l.first == "+" else { break }
          // Two border lines in a row: a table's bottom and the top of the next one, drawn
          // without a line between them (w3m dumps a page's bordered tables that way); a row
          // always has a line of its own between its borders.
          let isBorder = l.first == "+" && Self.isBorder(l)
          if isBorder && previousIsBorder && end > i + 1 { break }
          previousIsBorder = isBorder
          end += 1
        }
        if let rows = readTable(lines, from: i, to: end, cleaner: &cleaner), !rows.isEmpty {
          segments.append(.rows(rows))
        }
        i = end
        continue
      }
      if dashRuns(line).count >= 2,
        let close = lines[(i + 1)...].firstIndex(where: { dashRuns($0).count >= 2 })
      {
        let rows = readMultiline(lines, from: i, to: close, cleaner: &cleaner)
        if !rows.isEmpty { segments.append(.rows(rows)) }
        i = close + 1
        continue
      }
      if let (columns, close) = headedMultiline(lines, at: i) {
        let rows = readMultiline(
          lines, from: i, to: close, columnsFrom: columns, cleaner: &cleaner)
        if !rows.isEmpty { segments.append(.rows(rows)) }
        i = close + 1
        continue
      }
      let text = CellCleaner.trim(String(line))
      if text == "[TABLE]" {
        diagnostics.append(
          Diagnostic(
            .warning, "table-omitted",
            "the converter wrote [TABLE] instead of this table (pandoc could not fit it); "
              + "its contents are not in the export",
            at: Location(line: i + 1, column: 1)))
      } else if !text.isEmpty {
        segments.append(.paragraph(text, Location(line: i + 1, column: 1)))
      }
      i += 1
    }
    return TokenizedText(
      dialect: name, segments: segments, diagnostics: cleaner.diagnostics() + diagnostics)
  }

  /// A border line: only `+`, `-`, `=`, `:` and `|`, with at least one `-` or `=`.
  static func isBorder(_ line: Substring) -> Bool {
    var rule = false
    for ch in line {
      switch ch {
      case "-", "=": rule = true
      case "+", ":", "|", " ": continue
      default: return false
      }
    }
    return rule && line.has("+")
  }

  /// One line laid out in display columns.
  struct Canvas {
    var cells: [Character?]

    init(_ line: Substring) {
      cells = []
      for ch in line {
        cells.append(ch)
        if DisplayWidth.isWide(ch) { cells.append(nil) }
      }
    }

    subscript(_ x: Int) -> Character? { x < cells.count ? cells[x] : nil }

    /// The text between display columns `from` and `to` (exclusive).
    func text(_ from: Int, _ to: Int) -> String {
      guard from < cells.count, from < to else { return "" }
      return String(cells[from..<min(to, cells.count)].compactMap { $0 })
    }
  }

  static func readTable(
    _ lines: [Substring], from start: Int, to end: Int, cleaner: inout CellCleaner
  ) -> [RawRow]? {
    let canvas = lines[start..<end].map { Canvas($0.trimmingTrailingSpaces) }
    // Row boundaries: lines that hold a border segment; column boundaries: every `+` on them.
    var ys: [Int] = []
    var xs = Set<Int>()
    for (y, row) in canvas.enumerated() {
      let isRule = row.cells.contains { $0 == "-" || $0 == "=" } && row.cells.contains { $0 == "+" }
      guard isRule else { continue }
      ys.append(y)
      for (x, ch) in row.cells.enumerated() where ch == "+" { xs.insert(x) }
    }
    let columns = xs.sorted()
    guard ys.count >= 2, columns.count >= 2 else { return nil }
    let rowCount = ys.count - 1
    let columnCount = columns.count - 1
    // Union-find over slots.
    var parent = Array(0..<(rowCount * columnCount))
    func find(_ a: Int) -> Int {
      var a = a
      while parent[a] != a {
        parent[a] = parent[parent[a]]
        a = parent[a]
      }
      return a
    }
    func union(_ a: Int, _ b: Int) { parent[find(a)] = find(b) }
    for r in 0..<rowCount {
      for c in 0..<columnCount {
        let slot = r * columnCount + c
        // Right neighbour: joined when no `|` stands on the boundary between them.
        if c + 1 < columnCount {
          let x = columns[c + 1]
          let walled = (ys[r] + 1..<ys[r + 1]).contains { y in
            let ch = canvas[y][x]
            return ch == "|" || ch == "+"
          }
          if !walled { union(slot, slot + 1) }
        }
        // Lower neighbour: joined when the border line below has no rule over this slot.
        if r + 1 < rowCount {
          let y = ys[r + 1]
          let ruled = (columns[c] + 1..<columns[c + 1]).contains { x in
            let ch = canvas[y][x]
            return ch == "-" || ch == "="
          }
          if !ruled { union(slot, slot + columnCount) }
        }
      }
    }
    var box: [Int: (top: Int, left: Int, bottom: Int, right: Int)] = [:]
    for r in 0..<rowCount {
      for c in 0..<columnCount {
        let root = find(r * columnCount + c)
        if let b = box[root] {
          box[root] = (min(b.top, r), min(b.left, c), max(b.bottom, r), max(b.right, c))
        } else {
          box[root] = (r, c, r, c)
        }
      }
    }
    let spans = box.values.contains { $0.top != $0.bottom || $0.left != $0.right }
    var rows: [[RawCell]] = Array(repeating: [], count: rowCount)
    for b in box.values.sorted(by: { ($0.top, $0.left) < ($1.top, $1.left) }) {
      let x0 = columns[b.left] + 1
      let x1 = columns[b.right + 1]
      var paragraphs: [String] = []
      var current = ""
      for y in (ys[b.top] + 1)..<ys[b.bottom + 1] {
        let piece = CellCleaner.trim(canvas[y].text(x0, x1))
        // A border line crossing a merged cell holds its text, not a rule, inside the cell.
        if ys.contains(y) && piece.allSatisfy({ "-=+:|".contains($0) }) { continue }
        if piece.isEmpty {
          if !current.isEmpty { paragraphs.append(current) }
          current = ""
        } else {
          current = joinWrapped(current, piece)
        }
      }
      if !current.isEmpty { paragraphs.append(current) }
      let line = start + ys[b.top] + 2
      let location = Location(line: line, column: 2)
      let cleaned = cleaner.clean(paragraphs.map { Substring($0) }, at: location)
      rows[b.top].append(
        RawCell(
          paragraphs: cleaned, location: location,
          columnSpan: spans ? b.right - b.left + 1 : nil,
          rowSpan: spans ? b.bottom - b.top + 1 : nil,
          column: b.left))
    }
    return rows.enumerated().compactMap { r, cells in
      guard let first = cells.first else { return nil }
      return RawRow(cells: cells, location: Location(line: first.location.line, column: 1))
    }
  }

  /// The display-column extents of runs of three or more dashes in a line made only of dashes
  /// and spaces (pandoc's multiline-table rules).
  static func dashRuns(_ line: Substring) -> [Range<Int>] {
    guard line.has("-"), line.allSatisfy({ $0 == "-" || $0 == " " }) else { return [] }
    var runs: [Range<Int>] = []
    var start: Int?
    for (x, ch) in line.enumerated() {
      if ch == "-" {
        if start == nil { start = x }
      } else if let s = start {
        if x - s >= 3 { runs.append(s..<x) }
        start = nil
      }
    }
    if let s = start, line.count - s >= 3 { runs.append(s..<line.count) }
    return runs
  }

  /// A multiline table with a header row, as pandoc 2 writes a table whose first row is a
  /// header: a rule across the table at `open`, the header's lines, a rule of one dash run per
  /// column, the rows (blank lines between them), and a rule across the table again. Returns
  /// the line of the column rule and of the closing rule, or nil.
  static func headedMultiline(_ lines: [Substring], at open: Int) -> (Int, Int)? {
    let top = dashRuns(lines[open])
    guard top.count == 1, let width = top.first, width.count >= 10 else { return nil }
    // The header is a few lines of text, right below the opening rule.
    var columns: Int?
    for y in (open + 1)..<min(lines.count, open + 8) {
      let runs = dashRuns(lines[y])
      if runs.count >= 2 {
        columns = y
        break
      }
      if !runs.isEmpty || lines[y].allSatisfy({ $0 == " " }) { return nil }
    }
    guard let columns, columns > open + 1 else { return nil }
    // The closing rule spans the table as the opening one does.
    guard
      let close = lines[(columns + 1)...].firstIndex(where: { line in
        let runs = dashRuns(line)
        return runs.count == 1 && runs[0].count * 10 >= width.count * 9
      })
    else { return nil }
    return (columns, close)
  }

  /// Pandoc's multiline tables: column extents from the dash runs of the opening rule (or of
  /// the rule under a header, `columnsFrom`), rows separated by blank lines, each cell's text
  /// inside its column's extent.
  static func readMultiline(
    _ lines: [Substring], from open: Int, to close: Int, columnsFrom: Int? = nil,
    cleaner: inout CellCleaner
  ) -> [RawRow] {
    let extents = dashRuns(lines[columnsFrom ?? open])
    var rows: [RawRow] = []
    var block: [Int] = []
    func flush() {
      guard let firstLine = block.first else { return }
      var cells: [RawCell] = []
      for (c, extent) in extents.enumerated() {
        // A cell may use the gap before the next column.
        let end = c + 1 < extents.count ? extents[c + 1].lowerBound : Int.max
        var paragraphs: [String] = []
        var previousWidth = 0
        for y in block {
          let canvas = Canvas(lines[y])
          let piece = CellCleaner.trim(canvas.text(extent.lowerBound, end))
          if piece.isEmpty { continue }
          if let last = paragraphs.last, previousWidth >= extent.count - 2 {
            paragraphs[paragraphs.count - 1] = joinWrapped(last, piece)
          } else {
            paragraphs.append(piece)
          }
          previousWidth = piece.reduce(0) { $0 + (DisplayWidth.isWide($1) ? 2 : 1) }
        }
        let location = Location(line: firstLine + 1, column: extent.lowerBound + 1)
        cells.append(
          RawCell(
            paragraphs: cleaner.clean(paragraphs.map { Substring($0) }, at: location),
            location: location, column: c))
      }
      rows.append(RawRow(cells: cells, location: Location(line: firstLine + 1, column: 1)))
      block = []
    }
    for y in (open + 1)..<close {
      if lines[y].allSatisfy({ $0 == " " }) {
        flush()
      } else if dashRuns(lines[y]).count >= 1 {
        flush()  // a header rule inside the table
      } else {
        block.append(y)
      }
    }
    flush()
    return rows
  }

  /// Joins a wrapped line to the text before it: no space between CJK characters.
  static func joinWrapped(_ a: String, _ b: String) -> String {
    guard let last = a.last, let first = b.first else { return a + b }
    if last.isASCII && first.isASCII && (last.isLetter || last.isNumber)
      && (first.isLetter || first.isNumber)
    {
      return a + " " + b
    }
    return a + b
  }
}

extension Substring {
  /// The line without trailing spaces.
  var trimmingTrailingSpaces: Substring {
    var end = endIndex
    while end > startIndex {
      let before = index(before: end)
      guard self[before] == " " else { break }
      end = before
    }
    return self[startIndex..<end]
  }
}
