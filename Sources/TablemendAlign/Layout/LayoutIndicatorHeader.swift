import TablemendModel
import TablemendVocabulary

/// The header of an indicator block in layout text, read into columns.
///
/// The header line names the columns (一级指标 二级指标 三级指标 指标值 …). The lines under it
/// may continue it: a header word wrapped in a narrow column (`一级` over `指标`, `绩效` over
/// `标准`) is joined to the word above; a sub-header (`近两年指标值`, then `上年` and
/// `预期当年实现值`) becomes its own header row and may add columns. Chunks left of the first
/// header word (a block label such as `长期绩效指标`, or one character of a vertical label) are
/// kept as label fragments for the block's leftmost column.
public struct LayoutIndicatorHeader: Sendable {
  /// One output column: where its header text starts and ends, and the centre that data
  /// chunks are matched against.
  struct Column: Sendable {
    var start: Int
    var end: Int
    var centre: Double
  }

  /// One header cell: its header row, its column (1-based: column 0 is the block label
  /// column) and the words it was joined from.
  struct Cell: Sendable {
    var row: Int
    var column: Int
    var parts: [String]
    var location: Location
    var text: String { parts.joined() }
  }

  var columns: [Column] = []
  var cells: [Cell] = []
  /// Header rows: the header line's row plus one per sub-header line.
  var rowCount = 1
  /// Lines taken by the header (the header line, its continuation lines and blank lines
  /// between them).
  var lineCount = 1
  /// Chunks left of the first header word on header lines, with their line (0 = header line).
  var labelFragments: [(line: Int, chunk: LayoutChunk)] = []

  /// True when `text` starts a level header (一级指标, or `一级` wrapped before `指标`).
  static func isLevelHeader(_ text: String) -> Bool {
    let s = squeezed(text)
    return s.hasPrefix("一级") || s.hasPrefix("二级") || s.hasPrefix("三级")
  }

  /// Reads the header from `lines`, whose first line is the header line.
  public init?(lines: [LayoutLine]) {
    guard let headerLine = lines.first else { return nil }
    let chunks = headerLine.chunks().flatMap(Self.splitWords)
    guard let first = chunks.firstIndex(where: { Self.isLevelHeader($0.text) }) else {
      return nil
    }
    let leftEdge = chunks[first].start
    labelFragments = chunks[..<first].map { (0, $0) }
    var geometry: [LayoutChunk] = []
    for chunk in chunks[first...] {
      cells.append(
        Cell(
          row: 0, column: 0, parts: [squeezed(chunk.text)],
          location: headerLine.location(chunk.start)))
      geometry.append(chunk)
    }
    var row = 0
    var k = 1
    while k < lines.count, k <= 6 {
      let line = lines[k]
      if line.isBlank {
        k += 1
        continue
      }
      let lineChunks = line.chunks().flatMap(Self.splitWords)
      let left = lineChunks.filter { $0.end < leftEdge }
      let rest = lineChunks.filter { $0.end >= leftEdge }
      guard !rest.isEmpty, rest.allSatisfy({ HeaderFragments.isFragment($0.text) }) else { break }
      var addsRow = false
      for chunk in rest {
        let s = squeezed(chunk.text)
        if HeaderFragments.tails.contains(s), let above = Self.cellAbove(chunk, geometry) {
          cells[above].parts.append(s)
        } else {
          cells.append(
            Cell(row: row + 1, column: 0, parts: [s], location: line.location(chunk.start)))
          geometry.append(chunk)
          addsRow = true
        }
      }
      if addsRow { row += 1 }
      labelFragments += left.map { (k, $0) }
      lineCount = k + 1
      k += 1
    }
    rowCount = row + 1
    // Columns: the distinct starts of the header cells (one character apart is the same).
    let order = geometry.indices.sorted { geometry[$0].start < geometry[$1].start }
    for i in order {
      let chunk = geometry[i]
      if let last = columns.last, chunk.start - last.start <= 1 {
        let c = columns.count - 1
        columns[c].end = min(columns[c].end, chunk.end)
        // The deepest header row names the column the data sits under.
        if cells[i].row >= (cells.filter { $0.column == c + 1 }.map(\.row).max() ?? 0) {
          columns[c].centre = chunk.center
        }
        cells[i].column = c + 1
      } else {
        columns.append(Column(start: chunk.start, end: chunk.end, centre: chunk.center))
        cells[i].column = columns.count
      }
    }
  }

  /// Splits header words one space apart (`一级指标 二级指标` in narrow columns).
  static func splitWords(_ chunk: LayoutChunk) -> [LayoutChunk] {
    let chars = Array(chunk.text)
    var pieces: [LayoutChunk] = []
    var start = 0
    for i in chars.indices where chars[i] == " " {
      let word = String(chars[start..<i])
      guard isLevelHeader(word) || HeaderFragments.isFragment(word), word.count >= 2 else {
        continue
      }
      // `piece` maps character offsets to line columns (a line read in display columns).
      pieces.append(chunk.piece(start..<i))
      start = i + 1
    }
    guard !pieces.isEmpty, start < chars.count else { return [chunk] }
    let rest = String(chars[start...])
    guard isLevelHeader(rest) || HeaderFragments.isFragment(rest) else { return [chunk] }
    pieces.append(chunk.piece(start..<chars.count))
    return pieces
  }

  /// The header cell a wrapped tail continues: the lowest one starting where it starts, or
  /// else the one over its centre.
  private static func cellAbove(_ chunk: LayoutChunk, _ geometry: [LayoutChunk]) -> Int? {
    if let i = geometry.indices.last(where: { abs(geometry[$0].start - chunk.start) <= 2 }) {
      return i
    }
    return geometry.indices.last {
      Double(geometry[$0].start) <= chunk.center && chunk.center <= Double(geometry[$0].end)
    }
  }

  /// The indicator level column `c` (1-based) is headed with: 1 (一级…), 2 (二级…), 3 (三级…),
  /// or 0 for any other column.
  func level(ofColumn c: Int) -> Int {
    let text = texts(ofColumn: c).first ?? ""
    return text.hasPrefix("一级") ? 1 : text.hasPrefix("二级") ? 2 : text.hasPrefix("三级") ? 3 : 0
  }

  /// The header cell texts of column `c` (1-based), top to bottom.
  func texts(ofColumn c: Int) -> [String] {
    cells.filter { $0.column == c }.sorted { $0.row < $1.row }.map(\.text)
  }

  /// True when `line` is the header line of an indicator block: it names the 三级 column, and
  /// 一级 and 二级 (either may be wrapped: `一级` over `指标`, `二级指` over `标`), or all three
  /// levels.
  public static func isBlockHeader(_ line: LayoutLine) -> Bool {
    let text = String(line.chars)
    guard text.has("级") else { return false }
    let s = squeezed(text)
    let named =
      ColumnRole.isIndicatorHeaderLine(s)
      || (s.has("一级") && s.has("二级") && s.has("三级指标"))
    return named && line.chunks().count >= 3
  }
}
