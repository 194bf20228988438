import Foundation
import TablemendForms
import TablemendFuzzSupport
import TablemendModel

/// Fuzz target for the forms stage: a compact text encoding of blocks → `FormRecognizer`.
///
/// The input (UTF-8, invalid bytes repaired) is read line by line:
/// - a line starting with `#` is a paragraph (and ends the current table);
/// - a blank line ends the current table;
/// - any other line is a table row, cells separated by tabs. A cell may start with
///   `{R,C}` to span R rows and C columns (each clamped to 1…8); `\n` (backslash, n) inside a
///   cell separates its paragraphs.
///
/// Cells are placed as HTML places them (skipping slots taken by spans from above), spans are
/// clipped to the table, and uncovered slots get empty cells, so every table is a full tiling
/// of its grid, as both readers guarantee. `tools/fuzz-seeds.py` writes corpus goldens in
/// this form.
enum FuzzForms {
  /// Decodes the encoding into blocks.
  static func blocks(from data: Data) -> [Block] {
    let text = String(decoding: data, as: UTF8.self)
    var blocks: [Block] = []
    var rows: [[(text: String, rowSpan: Int, columnSpan: Int, line: Int)]] = []
    var tableNumber = 0
    func flush() {
      guard !rows.isEmpty else { return }
      tableNumber += 1
      blocks.append(.table(table(rows, id: "t\(tableNumber)")))
      rows = []
    }
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    {
      if line.isEmpty {
        flush()
      } else if line.hasPrefix("#") {
        flush()
        blocks.append(.paragraph(String(line.dropFirst()), Location(line: index + 1, column: 1)))
      } else {
        rows.append(
          line.split(separator: "\t", omittingEmptySubsequences: false).map { cell in
            let (r, c, body) = spans(cell)
            return (body, r, c, index + 1)
          })
      }
      if rows.count > 2_000 { flush() }
    }
    flush()
    return blocks
  }

  /// Reads an optional `{R,C}` prefix.
  static func spans(_ cell: Substring) -> (Int, Int, String) {
    guard cell.hasPrefix("{"), let close = cell.firstIndex(of: "}") else {
      return (1, 1, String(cell))
    }
    let inside = cell[cell.index(after: cell.startIndex)..<close].split(separator: ",")
    guard inside.count == 2, let r = Int(inside[0]), let c = Int(inside[1]) else {
      return (1, 1, String(cell))
    }
    return (min(max(r, 1), 8), min(max(c, 1), 8), String(cell[cell.index(after: close)...]))
  }

  /// Lays rows out into a fully tiled table.
  static func table(
    _ rows: [[(text: String, rowSpan: Int, columnSpan: Int, line: Int)]], id: String
  ) -> Table {
    var taken: [[Bool]] = []
    var placed: [(row: Int, column: Int, rowSpan: Int, columnSpan: Int, text: String, line: Int)] =
      []
    func isTaken(_ r: Int, _ c: Int) -> Bool {
      r < taken.count && c < taken[r].count && taken[r][c]
    }
    func take(_ r: Int, _ c: Int) {
      while taken.count <= r { taken.append([]) }
      while taken[r].count <= c { taken[r].append(false) }
      taken[r][c] = true
    }
    for (r, row) in rows.enumerated() {
      var c = 0
      for cell in row {
        while isTaken(r, c) { c += 1 }
        var width = 1
        while width < cell.columnSpan, !isTaken(r, c + width) { width += 1 }
        for dr in 0..<cell.rowSpan {
          for dc in 0..<width { take(r + dr, c + dc) }
        }
        placed.append((r, c, cell.rowSpan, width, cell.text, cell.line))
        c += width
      }
    }
    let rowCount = rows.count
    let columnCount = max(1, placed.map { $0.column + $0.columnSpan }.max() ?? 1)
    var cells: [Cell] = placed.map { p in
      Cell(
        row: p.row, column: p.column, rowSpan: min(p.rowSpan, rowCount - p.row),
        columnSpan: p.columnSpan,
        paragraphs: p.text.components(separatedBy: "\\n"),
        location: Location(line: p.line, column: 1))
    }
    for r in 0..<rowCount {
      for c in 0..<columnCount where !isTaken(r, c) {
        cells.append(
          Cell(row: r, column: c, paragraphs: [""], location: Location(line: r + 1, column: 1)))
      }
    }
    cells.sort { ($0.row, $0.column) < ($1.row, $1.column) }
    return Table(id: id, rowCount: rowCount, columnCount: columnCount, cells: cells)
  }

  /// Runs one input through form recognition.
  static func run(_ data: Data) {
    _ = FormRecognizer.recognize(blocks(from: data))
  }
}

#if TABLEMEND_FUZZ
  /// libFuzzer's entry point.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzFormsOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes else { return 0 }
    FuzzForms.run(Data(bytes: bytes, count: count))
    return 0
  }
#else
  /// Replays inputs without sanitizers: `TablemendFuzzForms FILE…`.
  @main
  enum FuzzFormsReplay {
    static func main() {
      FuzzReplay.main(FuzzForms.run)
    }
  }
#endif
