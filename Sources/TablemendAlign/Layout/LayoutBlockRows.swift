import TablemendModel
import TablemendVocabulary

/// The steps that find an indicator block's rows in layout text: chunks placed in columns,
/// the lines where rows start, the entries (a cell's first chunk and its wrapped lines) and
/// the rows they make.
extension LayoutIndicatorBlock {
  /// The first and last chunk of each line in each column (line → column → chunks).
  typealias ChunksByLine = [Int: [Int: (first: LayoutChunk, last: LayoutChunk)]]

  /// Every chunk after the header with its column: the label fragments the header left of its
  /// first word first, then each line's chunks cut at labels and at column borders.
  func placedChunks(_ header: LayoutIndicatorHeader, _ kinds: LayoutBlockColumns) -> [Placed] {
    var placed: [Placed] = header.labelFragments.map {
      Placed(line: $0.line, column: 0, chunk: $0.chunk)
    }
    for index in header.lineCount..<lines.count {
      let chunks = Self.splitLabels(lines[index].chunks()).flatMap {
        Self.splitAtBorders($0, lines[index].chars, kinds.columns)
      }
      for chunk in chunks {
        placed.append(Placed(line: index, column: kinds.column(of: chunk), chunk: chunk))
      }
    }
    return placed
  }

  /// The chunks of `placed` by line and column.
  static func chunksByLine(_ placed: [Placed]) -> ChunksByLine {
    var at: ChunksByLine = [:]
    for p in placed {
      if let known = at[p.line]?[p.column] {
        at[p.line, default: [:]][p.column] = (known.first, p.chunk)
      } else {
        at[p.line, default: [:]][p.column] = (p.chunk, p.chunk)
      }
    }
    return at
  }

  /// Lines where rows start: where a label starts (a known 一级 / 二级 label, or the head of one,
  /// under no unfinished label), and where a 三级 line meets a value that starts afresh after a
  /// value line that was not full.
  static func rowStarts(
    _ placed: [Placed], _ at: ChunksByLine, _ kinds: LayoutBlockColumns, edges: [Int: Int]
  ) -> Set<Int> {
    var starts: Set<Int> = []
    for p in placed where p.column != 0 && kinds.labelColumns.contains(p.column) {
      let text = p.chunk.text
      guard
        LevelLabels.isFullLevel1(text) || LevelLabels.isFullLevel2(text)
          || LevelLabels.isLabelHead(text)
      else { continue }
      if let above = at[p.line - 1]?[p.column]?.last, !squeezed(above.text).hasSuffix("标") {
        continue
      }
      starts.insert(p.line)
    }
    for (line, byColumn) in at where byColumn.keys.contains(where: kinds.level3Columns.contains) {
      for (c, chunk) in byColumn
      where kinds.rowColumns.contains(c) && !kinds.level3Columns.contains(c) {
        if let above = at[line - 1]?[c]?.last,
          !kinds.isFull(above, before: chunk.first, column: c, edges: edges)
        {
          starts.insert(line)
        }
      }
    }
    return starts
  }

  /// The entries of the non-label columns: a chunk continues the entry above it in its column
  /// when that line was full (for a 三级 entry) or, in the other columns, whenever no row
  /// starts between them. The 三级 columns go first: on a line where a 三级 entry starts, a
  /// new row starts (added to `rowStarts`) and no other cell continues past it.
  static func entries(
    _ placed: [Placed], rowStarts: inout Set<Int>, _ kinds: LayoutBlockColumns,
    edges: [Int: Int]
  ) -> [Entry] {
    var entries: [Entry] = []
    var open: [Int: Int] = [:]  // column -> index of its last entry
    let ordered = placed.filter { kinds.rowColumns.contains($0.column) }.sorted {
      let first = kinds.level3Columns.contains($0.column) ? 0 : 1
      let second = kinds.level3Columns.contains($1.column) ? 0 : 1
      return (first, $0.line, $0.chunk.start) < (second, $1.line, $1.chunk.start)
    }
    for p in ordered {
      let isLevel3 = kinds.level3Columns.contains(p.column)
      if let e = open[p.column], entries[e].lastLine == p.line - 1,
        !rowStarts.contains(p.line), let last = entries[e].chunks.last,
        !isLevel3 || kinds.isFull(last.chunk, before: p.chunk, column: p.column, edges: edges)
      {
        entries[e].chunks.append(p)
      } else {
        open[p.column] = entries.count
        entries.append(Entry(column: p.column, chunks: [p]))
        if isLevel3 { rowStarts.insert(p.line) }
      }
    }
    return entries
  }

  /// The rows the entries make: a line where a 三级 entry and a value entry both start is a
  /// row, as is a run of adjacent lines that together start both; a line starting only one of
  /// them (an orphan) joins the nearest such row (the earlier one on a tie). Sorted by top.
  static func rows(_ entries: [Entry], _ kinds: LayoutBlockColumns) -> [Row] {
    var lineKinds: [Int: (level3: Bool, value: Bool)] = [:]
    for entry in entries {
      var k = lineKinds[entry.line] ?? (false, false)
      if kinds.level3Columns.contains(entry.column) { k.level3 = true } else { k.value = true }
      lineKinds[entry.line] = k
    }
    var groups: [[Int]] = []
    var pendingRun: [Int] = []
    func flushRun() {
      guard !pendingRun.isEmpty else { return }
      let hasLevel3 = pendingRun.contains { lineKinds[$0]?.level3 == true }
      let hasValue = pendingRun.contains { lineKinds[$0]?.value == true }
      if hasLevel3 && hasValue {
        groups.append(pendingRun)
      } else {
        groups.append(contentsOf: pendingRun.map { [-$0 - 1] })  // orphans, placed below
      }
      pendingRun = []
    }
    for line in lineKinds.keys.sorted() {
      guard let k = lineKinds[line] else { continue }
      if k.level3 && k.value {
        flushRun()
        groups.append([line])
      } else {
        if let last = pendingRun.last, line - last > 1 { flushRun() }
        pendingRun.append(line)
      }
    }
    flushRun()
    let merged = attachingOrphans(groups)
    var rows: [Row] = merged.map { group in
      let starts = Set(group)
      var cells: [Int: [Entry]] = [:]
      var top = group.min() ?? 0
      var bottom = group.max() ?? 0
      for entry in entries where starts.contains(entry.line) {
        cells[entry.column, default: []].append(entry)
        top = min(top, entry.line)
        bottom = max(bottom, entry.lastLine)
      }
      return Row(top: top, bottom: bottom, entries: cells)
    }
    rows.sort { $0.top < $1.top }
    return rows
  }

  /// Groups of row lines with each orphan (a group `[-line - 1]`) added to the nearest full
  /// group, the earlier one on a tie; with no full group, each orphan is a row of its own.
  static func attachingOrphans(_ groups: [[Int]]) -> [[Int]] {
    let anchors = groups.enumerated().filter { $0.element.allSatisfy { $0 >= 0 } }
    var merged: [[Int]] = anchors.map(\.element)
    for (g, group) in groups.enumerated() where group.first.map({ $0 < 0 }) ?? false {
      let line = -group[0] - 1
      guard !anchors.isEmpty else {
        merged.append([line])
        continue
      }
      var best = 0
      var bestDistance = Int.max
      for (a, anchor) in anchors.enumerated() {
        let d = anchor.element.map { abs($0 - line) }.min() ?? Int.max
        let isPrevious = anchor.offset < g
        if d < bestDistance || (d == bestDistance && isPrevious) {
          best = a
          bestDistance = d
        }
      }
      merged[best].append(line)
    }
    return merged
  }
}
