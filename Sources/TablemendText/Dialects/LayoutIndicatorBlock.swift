import TablemendModel

/// Rebuilds the rows of an indicator block printed as space-aligned columns.
///
/// The block starts at a header line (一级指标 二级指标 三级指标 指标值). Columns are the
/// header's chunks plus one column left of them for the block's own label (绩效指标).
/// Columns up to the 三级 header hold merged labels, printed once at the vertical centre of
/// their span; the others define rows: a row is a line where the 三级 and value columns
/// both start an entry, or a run of lines that together hold both (a wrapped 三级 with its
/// value on a middle line). Lines holding only one of them belong to the nearest such row.
struct LayoutIndicatorBlock {
  /// The header line and the lines after it, up to the end of the page.
  var header: LayoutLine
  var lines: [LayoutLine]

  private struct Placed {
    var line: Int  // index into `lines`
    var column: Int
    var chunk: LayoutChunk
  }

  private struct Label {
    var firstLine: Int
    var lastLine: Int
    var parts: [String]
    var location: Location
  }

  private struct Row {
    var lines: [Int]
    var top: Int
    var bottom: Int
    var cells: [Int: [Placed]]
    /// Height in printed lines: the most lines any one cell of the row wraps over.
    var height: Int {
      max(1, cells.values.map { Set($0.map(\.line)).count }.max() ?? 1)
    }
  }

  /// The rows: the header first, then one per indicator.
  func rows() -> (rows: [RawRow], diagnostics: [Diagnostic]) {
    let headerChunks = header.chunks()
    guard headerChunks.count >= 2 else { return ([], []) }
    let level3Index =
      headerChunks.firstIndex { IndicatorVocabulary.squeezed($0.text).has("三级指标") }
      ?? max(headerChunks.count - 2, 0)
    // Output columns: 0 = the block label, 1... = header chunks.
    let labelColumns = Array(0...level3Index)
    let rowColumns = Array((level3Index + 1)...headerChunks.count)

    func column(of chunk: LayoutChunk) -> Int {
      if chunk.end <= headerChunks[0].start { return 0 }
      var best = 1
      var distance = Double.greatestFiniteMagnitude
      for (i, h) in headerChunks.enumerated() {
        let d = abs(h.center - chunk.center)
        if d < distance {
          distance = d
          best = i + 1
        }
      }
      return best
    }

    var placed: [Placed] = []
    for (index, line) in lines.enumerated() {
      for chunk in Self.splitLabels(line.chunks()) {
        placed.append(Placed(line: index, column: column(of: chunk), chunk: chunk))
      }
    }

    // Rows from the row-defining columns.
    var kinds: [Int: (level3: Bool, value: Bool)] = [:]
    for p in placed where rowColumns.contains(p.column) {
      var k = kinds[p.line] ?? (false, false)
      if p.column == level3Index + 1 { k.level3 = true } else { k.value = true }
      kinds[p.line] = k
    }
    let rowLines = kinds.keys.sorted()
    var groups: [[Int]] = []
    var pendingRun: [Int] = []
    var completeOf: [Int: Int] = [:]  // line -> group index
    func flushRun() {
      guard !pendingRun.isEmpty else { return }
      let hasLevel3 = pendingRun.contains { kinds[$0]?.level3 == true }
      let hasValue = pendingRun.contains { kinds[$0]?.value == true }
      if hasLevel3 && hasValue {
        groups.append(pendingRun)
      } else {
        groups.append(contentsOf: pendingRun.map { [-$0 - 1] })  // orphans, placed below
      }
      pendingRun = []
    }
    for line in rowLines {
      guard let k = kinds[line] else { continue }
      if k.level3 && k.value {
        flushRun()
        completeOf[line] = groups.count
        groups.append([line])
      } else {
        if let last = pendingRun.last, line - last > 1 { flushRun() }
        pendingRun.append(line)
      }
    }
    flushRun()
    // Attach orphans (lines with only a 三级 or only a value) to the nearest full row.
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
    var rows: [Row] = merged.map { group in
      let sorted = group.sorted()
      var cells: [Int: [Placed]] = [:]
      for p in placed where sorted.contains(p.line) && rowColumns.contains(p.column) {
        cells[p.column, default: []].append(p)
      }
      return Row(lines: sorted, top: sorted.first ?? 0, bottom: sorted.last ?? 0, cells: cells)
    }
    rows.sort { $0.top < $1.top }
    // Vertical positions: each row as tall as its most wrapped cell; a line between rows
    // (a label printed on its own line) sits on the border between them.
    var rowTops: [Double] = []
    var y = 0.0
    for row in rows {
      rowTops.append(y)
      y += Double(row.height)
    }
    func position(ofLine line: Int) -> Double {
      for (r, row) in rows.enumerated() {
        if line < row.top { return rowTops[r] }
        if line <= row.bottom {
          let fraction = (Double(line - row.top) + 0.5) / Double(row.bottom - row.top + 1)
          return rowTops[r] + fraction * Double(row.height)
        }
      }
      return y
    }

    // Labels: fragments per label column, joined when a label was broken over lines.
    var labels: [Int: [Label]] = [:]
    for c in labelColumns {
      var list: [Label] = []
      for p in placed where p.column == c {
        let text = p.chunk.text
        if var last = list.last, p.line - last.lastLine <= 2,
          !last.parts.joined().hasSuffix("标")
        {
          last.parts.append(text)
          last.lastLine = p.line
          list[list.count - 1] = last
        } else {
          list.append(
            Label(
              firstLine: p.line, lastLine: p.line, parts: [text],
              location: lines[p.line].location(p.chunk.start)))
        }
      }
      labels[c] = list
    }

    // Row extents for the partition: the header is row 0, one line above the first row.
    let headerExtent = CentredSpans.RowExtent(top: -1, bottom: 0)
    let allExtents =
      [headerExtent]
      + rows.enumerated().map { r, row in
        CentredSpans.RowExtent(top: rowTops[r], bottom: rowTops[r] + Double(row.height))
      }
    func centre(_ label: Label) -> Double {
      (position(ofLine: label.firstLine) + position(ofLine: label.lastLine)) / 2
    }
    var spanStarts: [Int: [Int: (span: Int, label: Label)]] = [:]  // column -> row -> label
    var covered: [Int: Set<Int>] = [:]
    var parents: [Range<Int>] = [0..<allExtents.count]
    var diagnostics: [Diagnostic] = []
    for c in labelColumns {
      let columnLabels = labels[c] ?? []
      guard !columnLabels.isEmpty else { continue }
      let scopes = parents.map { c == 0 ? $0 : (max($0.lowerBound, 1)..<$0.upperBound) }
        .filter { !$0.isEmpty }
      var byScope: [[Label]] = Array(repeating: [], count: scopes.count)
      for label in columnLabels {
        var best = 0
        var bestDistance = Double.greatestFiniteMagnitude
        for (s, scope) in scopes.enumerated() {
          let top = allExtents[scope.lowerBound].top
          let bottom = allExtents[scope.upperBound - 1].bottom
          let c = centre(label)
          let d = c < top ? top - c : max(0, c - bottom)
          if d < bestDistance {
            best = s
            bestDistance = d
          }
        }
        if !scopes.isEmpty { byScope[best].append(label) }
      }
      var spans: [Range<Int>] = []
      for (s, scope) in scopes.enumerated() {
        var scoped = byScope[s].sorted { centre($0) < centre($1) }
        guard !scoped.isEmpty else {
          spans.append(scope)
          continue
        }
        let extents = Array(allExtents[scope])
        if scoped.count > extents.count {
          let extra = scoped[extents.count...].flatMap(\.parts)
          scoped = Array(scoped.prefix(extents.count))
          scoped[scoped.count - 1].parts += extra
          diagnostics.append(
            Diagnostic(
              .warning, "layout-labels-merged",
              "more merged labels than rows in this column; the extra labels were joined",
              at: scoped[scoped.count - 1].location))
        }
        let parts = CentredSpans.partition(rows: extents, centres: scoped.map(centre))
        for (label, part) in zip(scoped, parts) {
          let absolute = (part.lowerBound + scope.lowerBound)..<(part.upperBound + scope.lowerBound)
          spans.append(absolute)
          spanStarts[c, default: [:]][absolute.lowerBound] = (absolute.count, label)
          covered[c, default: []].formUnion(absolute)
        }
      }
      parents = spans
    }

    // Emit rows.
    var out: [RawRow] = []
    let headerRowCells: [RawCell] = headerChunks.enumerated().map { i, chunk in
      RawCell(
        paragraphs: [LayoutText.tidy(chunk.text)], location: header.location(chunk.start),
        column: i + 1)
    }
    for r in 0..<allExtents.count {
      var cells: [RawCell] = []
      for c in labelColumns {
        if let start = spanStarts[c]?[r] {
          cells.append(
            RawCell(
              paragraphs: [LayoutText.joinWrapped(start.label.parts)],
              location: start.label.location, rowSpan: start.span, column: c))
        } else if !(covered[c]?.contains(r) ?? false), r > 0 || c == 0 {
          cells.append(
            RawCell(paragraphs: [], location: rowLocation(r, rows: rows), column: c))
        }
      }
      if r == 0 {
        cells += headerRowCells
        out.append(RawRow(cells: cells, location: header.location(headerChunks[0].start)))
        continue
      }
      let row = rows[r - 1]
      for c in rowColumns {
        let parts = (row.cells[c] ?? []).sorted { $0.line < $1.line }
        if let first = parts.first {
          cells.append(
            RawCell(
              paragraphs: [LayoutText.joinWrapped(parts.map(\.chunk.text))],
              location: lines[first.line].location(first.chunk.start), column: c))
        } else {
          cells.append(RawCell(paragraphs: [], location: rowLocation(r, rows: rows), column: c))
        }
      }
      out.append(RawRow(cells: cells, location: rowLocation(r, rows: rows)))
    }
    return (out, diagnostics)
  }

  private func rowLocation(_ r: Int, rows: [Row]) -> Location {
    guard r > 0, r - 1 < rows.count else { return header.location(0) }
    let line = rows[r - 1].top
    guard line >= 0, line < lines.count else { return header.location(0) }
    return lines[line].location(0)
  }

  /// Splits `效益指标 社会效益指标` (two labels one space apart) into two chunks.
  static func splitLabels(_ chunks: [LayoutChunk]) -> [LayoutChunk] {
    var out: [LayoutChunk] = []
    for chunk in chunks {
      let chars = Array(chunk.text)
      var start = 0
      var pieces: [LayoutChunk] = []
      for (i, c) in chars.enumerated() where c == " " && i > 0 {
        let left = String(chars[start..<i])
        if left.hasSuffix("指标"), i + 1 < chars.count, IndicatorVocabulary.isCJK(chars[i + 1]) {
          pieces.append(
            LayoutChunk(start: chunk.start + start, end: chunk.start + i, text: left))
          start = i + 1
        }
      }
      if pieces.isEmpty {
        out.append(chunk)
      } else {
        pieces.append(
          LayoutChunk(
            start: chunk.start + start, end: chunk.end, text: String(chars[start...])))
        out += pieces
      }
    }
    return out
  }
}
