import TablemendModel
import TablemendVocabulary

/// Rebuilds the rows of an indicator block printed as space-aligned columns.
///
/// The block starts at a header line (一级指标 二级指标 三级指标 指标值), read with the lines
/// continuing it by `LayoutIndicatorHeader`. Columns are the header's columns plus one left
/// of them for the block's own label (绩效指标, 长期绩效指标). Chunks that run over a column
/// border with only one space between them (narrow columns) are cut there. Columns headed
/// 一级 / 二级 hold merged labels, printed once, either at the top of their span or at its
/// vertical centre; the others hold entries, and an entry continues on the next line when its
/// line was full (the text wrapped). A row is a line where a 三级 entry and a value entry
/// both start, or a run of lines that together start both; lines starting only one of them
/// belong to the nearest such row.
struct LayoutIndicatorBlock {
  /// The header line first, then the lines after it up to the end of the block.
  var lines: [LayoutLine]

  private struct Placed {
    var line: Int  // index into `lines`
    var column: Int
    var chunk: LayoutChunk
  }

  /// A cell's text in one column: its first chunk and the wrapped lines after it.
  private struct Entry {
    var column: Int
    var chunks: [Placed]
    var line: Int { chunks[0].line }
    var lastLine: Int { chunks[chunks.count - 1].line }
  }

  private struct Label {
    var firstLine: Int
    var lastLine: Int
    var parts: [String]
    var location: Location
  }

  private struct Row {
    var top: Int
    var bottom: Int
    var entries: [Int: [Entry]]
    /// Height in printed lines: the most lines any one cell of the row wraps over.
    var height: Int {
      max(1, entries.values.map { Set($0.flatMap { $0.chunks.map(\.line) }).count }.max() ?? 1)
    }
  }

  /// The rows: the header rows first, then one per indicator.
  func rows() -> (rows: [RawRow], diagnostics: [Diagnostic]) {
    guard let header = LayoutIndicatorHeader(lines: lines), header.columns.count >= 2 else {
      return ([], [])
    }
    let columns = header.columns
    let headerRows = header.rowCount
    // Column kinds: 0 = the block label; a column headed 一级/二级 holds merged labels.
    var labelColumns = [0]
    var parentOf: [Int: Int] = [:]
    var level3Columns: [Int] = []
    var lastLevel1 = 0
    for c in 1...columns.count {
      switch header.level(ofColumn: c) {
      case 1:
        labelColumns.append(c)
        parentOf[c] = 0
        lastLevel1 = c
      case 2:
        labelColumns.append(c)
        parentOf[c] = lastLevel1
      case 3: level3Columns.append(c)
      default: break
      }
    }
    if level3Columns.isEmpty {
      // No 三级 header (指标内容 …): the first column after the labels defines rows.
      if let c = (1...columns.count).first(where: { !labelColumns.contains($0) }) {
        level3Columns = [c]
      }
    }
    let rowColumns = (1...columns.count).filter { !labelColumns.contains($0) }

    // Columns headed …依据 / …标准 (指标值确定依据, 绩效标准), 1-based.
    let standardColumns = (1...columns.count).filter { c in
      let text = header.texts(ofColumn: c).joined()
      return text.hasSuffix("依据") || text.hasSuffix("标准")
    }
    func column(of chunk: LayoutChunk) -> Int {
      if chunk.end < columns[0].start { return 0 }
      // A standard (计划标准, 行业标准) belongs under the nearest column headed …标准 or
      // …依据 (text centred in its cell can sit nearer the value column).
      if Self.standardWords.contains(squeezed(chunk.text)),
        let c = standardColumns.min(by: {
          abs(columns[$0 - 1].centre - chunk.center) < abs(columns[$1 - 1].centre - chunk.center)
        })
      {
        return c
      }
      // The column whose header centre is nearest; when two are about as near (a
      // one-character fragment between two headers), the one the chunk starts in.
      let distances = columns.map { abs($0.centre - chunk.center) }
      let nearest = distances.min() ?? 0
      let candidates = columns.indices.filter { distances[$0] < nearest + 1 }
      // A value (`≥98%`) about as near a 三级 column as a value column goes to the value's.
      if candidates.count > 1, ComparisonWords.opensValue(chunk.text),
        let valueColumn = candidates.first(where: {
          !labelColumns.contains($0 + 1) && !level3Columns.contains($0 + 1)
        })
      {
        return valueColumn + 1
      }
      let starting = candidates.last { columns[$0].start <= chunk.start + 1 }
      return (starting ?? candidates.first ?? 0) + 1
    }

    var placed: [Placed] = header.labelFragments.map {
      Placed(line: $0.line, column: 0, chunk: $0.chunk)
    }
    for index in header.lineCount..<lines.count {
      let chunks = Self.splitLabels(lines[index].chunks()).flatMap {
        Self.splitAtBorders($0, lines[index].chars, columns)
      }
      for chunk in chunks {
        placed.append(Placed(line: index, column: column(of: chunk), chunk: chunk))
      }
    }

    // Entries: a chunk continues the one on the line above in its column when that line was
    // full: the next line's first word would not have fitted before the next column's start
    // (or, in the last column, the block's right edge), give or take the rounding of
    // pdftotext's character grid.
    let rightEdge = placed.map(\.chunk.end).max() ?? 0
    var edge: [Int: Int] = [:]
    for c in 1...columns.count {
      edge[c] = c < columns.count ? columns[c].start - 4 : rightEdge - 2
    }
    // A line printed a little left or right of its column's header (pdftotext's grid drifts
    // by a character or two down a page) has its edge moved by as much.
    func isFull(_ previous: LayoutChunk, before next: LayoutChunk, column c: Int) -> Bool {
      guard let columnEdge = edge[c] else { return false }
      let drift = c >= 1 && c <= columns.count ? previous.start - columns[c - 1].start : 0
      return previous.end + Self.firstWordWidth(next.text) - 1 >= columnEdge
        + max(-3, min(0, drift))
    }
    var at: [Int: [Int: (first: LayoutChunk, last: LayoutChunk)]] = [:]  // line -> column
    for p in placed {
      if let known = at[p.line]?[p.column] {
        at[p.line, default: [:]][p.column] = (known.first, p.chunk)
      } else {
        at[p.line, default: [:]][p.column] = (p.chunk, p.chunk)
      }
    }
    // Rows start where a label starts (a known 一级 / 二级 label, or the head of one, under
    // no unfinished label), and where a 三级 line meets a value that starts afresh after a
    // value line that was not full.
    var rowStarts: Set<Int> = []
    for p in placed where p.column != 0 && labelColumns.contains(p.column) {
      let text = p.chunk.text
      guard
        LevelLabels.isFullLevel1(text) || LevelLabels.isFullLevel2(text)
          || LevelLabels.isLabelHead(text)
      else { continue }
      if let above = at[p.line - 1]?[p.column]?.last,
        !squeezed(above.text).hasSuffix("标")
      {
        continue
      }
      rowStarts.insert(p.line)
    }
    for (line, byColumn) in at where byColumn.keys.contains(where: level3Columns.contains) {
      for (c, chunk) in byColumn where rowColumns.contains(c) && !level3Columns.contains(c) {
        if let above = at[line - 1]?[c]?.last, !isFull(above, before: chunk.first, column: c) {
          rowStarts.insert(line)
        }
      }
    }
    // The 三级 columns go first: on a line where a 三级 entry starts, a new row starts and
    // no other cell continues past it.
    var entries: [Entry] = []
    var open: [Int: Int] = [:]  // column -> index of its last entry
    let ordered = placed.filter { rowColumns.contains($0.column) }.sorted {
      let first = level3Columns.contains($0.column) ? 0 : 1
      let second = level3Columns.contains($1.column) ? 0 : 1
      return (first, $0.line, $0.chunk.start) < (second, $1.line, $1.chunk.start)
    }
    for p in ordered {
      let isLevel3 = level3Columns.contains(p.column)
      // Within a row every line of a non-三级 column belongs to its one cell.
      if let e = open[p.column], entries[e].lastLine == p.line - 1,
        !rowStarts.contains(p.line), let last = entries[e].chunks.last,
        !isLevel3 || isFull(last.chunk, before: p.chunk, column: p.column)
      {
        entries[e].chunks.append(p)
      } else {
        open[p.column] = entries.count
        entries.append(Entry(column: p.column, chunks: [p]))
        if isLevel3 { rowStarts.insert(p.line) }
      }
    }

    // Rows from where entries start.
    var kinds: [Int: (level3: Bool, value: Bool)] = [:]
    for entry in entries {
      var k = kinds[entry.line] ?? (false, false)
      if level3Columns.contains(entry.column) { k.level3 = true } else { k.value = true }
      kinds[entry.line] = k
    }
    let rowLines = kinds.keys.sorted()
    var groups: [[Int]] = []
    var pendingRun: [Int] = []
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
        groups.append([line])
      } else {
        if let last = pendingRun.last, line - last > 1 { flushRun() }
        pendingRun.append(line)
      }
    }
    flushRun()
    // Attach orphans (lines starting only a 三级 or only a value) to the nearest full row.
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

    // Vertical positions: header rows first (one unit each), then each row as tall as its
    // most wrapped cell; a line between rows sits on the border between them.
    var extents: [CentredSpans.RowExtent] = (0..<headerRows).map {
      CentredSpans.RowExtent(top: Double($0 - headerRows), bottom: Double($0 - headerRows + 1))
    }
    var y = 0.0
    for row in rows {
      extents.append(CentredSpans.RowExtent(top: y, bottom: y + Double(row.height)))
      y += Double(row.height)
    }
    func position(ofLine line: Int) -> Double {
      if line < header.lineCount { return -Double(headerRows) + 0.5 }
      for (r, row) in rows.enumerated() {
        let top = extents[headerRows + r].top
        if line < row.top { return top }
        if line <= row.bottom {
          let fraction = (Double(line - row.top) + 0.5) / Double(row.bottom - row.top + 1)
          return top + fraction * Double(rows[r].height)
        }
      }
      return y
    }
    /// The output row a label printed on `line` starts in, when it sits on a row's first line.
    func topRow(ofLine line: Int) -> Int? {
      if line < header.lineCount { return 0 }
      return rows.firstIndex { $0.top == line }.map { $0 + headerRows }
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

    func centre(_ label: Label) -> Double {
      (position(ofLine: label.firstLine) + position(ofLine: label.lastLine)) / 2
    }
    var spanStarts: [Int: [Int: (span: Int, label: Label)]] = [:]  // column -> row -> label
    var covered: [Int: Set<Int>] = [:]
    var spansOf: [Int: [Range<Int>]] = [0: [0..<extents.count]]
    var diagnostics: [Diagnostic] = []
    for c in labelColumns {
      let parents =
        c == 0 ? [0..<extents.count] : (spansOf[parentOf[c] ?? 0] ?? [0..<extents.count])
      let columnLabels = labels[c] ?? []
      guard !columnLabels.isEmpty else {
        spansOf[c] = parents
        continue
      }
      // A child label's scope starts below the header rows (a parent span that lies within
      // them leaves none).
      let scopes = parents.map { span -> Range<Int> in
        guard c != 0 else { return span }
        let lower = max(span.lowerBound, headerRows)
        return lower < span.upperBound ? lower..<span.upperBound : span.upperBound..<span.upperBound
      }.filter { !$0.isEmpty }
      var byScope: [[Label]] = Array(repeating: [], count: scopes.count)
      for label in columnLabels {
        var best = 0
        var bestDistance = Double.greatestFiniteMagnitude
        for (s, scope) in scopes.enumerated() {
          let top = extents[scope.lowerBound].top
          let bottom = extents[scope.upperBound - 1].bottom
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
        var scoped = byScope[s].sorted { $0.firstLine < $1.firstLine }
        guard !scoped.isEmpty else {
          spans.append(scope)
          continue
        }
        let extentsInScope = Array(extents[scope])
        if scoped.count > extentsInScope.count {
          let extra = scoped[extentsInScope.count...].flatMap(\.parts)
          scoped = Array(scoped.prefix(extentsInScope.count))
          scoped[scoped.count - 1].parts += extra
          diagnostics.append(
            Diagnostic(
              .warning, "layout-labels-merged",
              "more merged labels than rows in this column; the extra labels were joined",
              at: scoped[scoped.count - 1].location))
        }
        // A 二级 label on a row that the taxonomy puts under another 一级 than a label's
        // counts against giving that row to the label (centred labels over rows of unequal
        // height are ambiguous by position alone).
        var penalties: [[Double]]?
        if scope.lowerBound >= headerRows {
          let children = labelColumns.filter { parentOf[$0] == c && $0 != c }
          let level2ByRow: [[String]] = scope.map { r in
            let row = rows[r - headerRows]
            return placed.filter {
              children.contains($0.column) && (row.top...row.bottom).contains($0.line)
            }.map(\.chunk.text)
          }
          penalties = scoped.map { label in
            let level1 = label.parts.joined()
            return level2ByRow.map { texts in
              texts.contains { LevelLabels.contradicts(level1: level1, level2: $0) }
                ? 1 : 0
            }
          }
        }
        let parts =
          Self.topAlignedParts(scoped.map { topRow(ofLine: $0.firstLine) }, scope: scope)
          ?? CentredSpans.partition(
            rows: extentsInScope, centres: scoped.map(centre), penalties: penalties
          ).map {
            ($0.lowerBound + scope.lowerBound)..<($0.upperBound + scope.lowerBound)
          }
        for (label, absolute) in zip(scoped, parts) {
          spans.append(absolute)
          spanStarts[c, default: [:]][absolute.lowerBound] = (absolute.count, label)
          covered[c, default: []].formUnion(absolute)
        }
      }
      spansOf[c] = spans
    }

    // Emit rows: the header rows, then the data rows, each cell with the character column
    // its column starts at (the block label's column: where its text starts).
    let labelStart = placed.filter { $0.column == 0 }.map(\.chunk.start).min()
    func positioned(_ cell: RawCell) -> RawCell {
      var cell = cell
      let c = cell.column ?? 0
      cell.layoutStart = c == 0 ? labelStart : columns[min(c, columns.count) - 1].start
      return cell
    }
    var out: [RawRow] = []
    for r in 0..<extents.count {
      var cells: [RawCell] = []
      for c in labelColumns {
        if let start = spanStarts[c]?[r] {
          cells.append(
            RawCell(
              paragraphs: [LayoutText.joinWrapped(start.label.parts)],
              location: start.label.location, rowSpan: start.span, column: c))
        } else if !(covered[c]?.contains(r) ?? false), r >= headerRows || c == 0 {
          cells.append(
            RawCell(paragraphs: [], location: rowLocation(r, rows, headerRows), column: c))
        }
      }
      if r < headerRows {
        for cell in header.cells where cell.row == r {
          let below = header.cells.contains { $0.column == cell.column && $0.row > r }
          cells.append(
            RawCell(
              paragraphs: [LayoutText.tidy(cell.text)], location: cell.location,
              rowSpan: below ? nil : headerRows - r, column: cell.column))
        }
        cells.sort { ($0.column ?? 0) < ($1.column ?? 0) }
        out.append(
          RawRow(
            cells: cells.map(positioned), location: cells.first?.location ?? lines[0].location(0)))
        continue
      }
      let row = rows[r - headerRows]
      for c in rowColumns {
        let chunks = (row.entries[c] ?? []).flatMap(\.chunks).sorted { $0.line < $1.line }
        if let first = chunks.first {
          cells.append(
            RawCell(
              paragraphs: [LayoutText.joinWrapped(chunks.map(\.chunk.text))],
              location: lines[first.line].location(first.chunk.start), column: c))
        } else {
          cells.append(
            RawCell(paragraphs: [], location: rowLocation(r, rows, headerRows), column: c))
        }
      }
      cells.sort { ($0.column ?? 0) < ($1.column ?? 0) }
      out.append(RawRow(cells: cells.map(positioned), location: rowLocation(r, rows, headerRows)))
    }
    return (out, diagnostics)
  }

  private func rowLocation(_ r: Int, _ rows: [Row], _ headerRows: Int) -> Location {
    guard r >= headerRows, r - headerRows < rows.count else { return lines[0].location(0) }
    let line = rows[r - headerRows].top
    guard line >= 0, line < lines.count else { return lines[0].location(0) }
    return lines[line].location(0)
  }

  /// The standards a target is set against, as forms write them under 依据 / 绩效标准.
  static let standardWords: Set<String> = ["计划标准", "行业标准", "历史标准", "其他标准", "国家标准", "地方标准"]

  /// Spans for labels printed at the top of their span: each label's row (nil when it is
  /// not on a row's first line) up to the next label's. Nil unless the first label sits on
  /// the scope's first row, every label starts a row, and no two share one (a centred
  /// label over several rows sits lower than its span's first row).
  static func topAlignedParts(_ rows: [Int?], scope: Range<Int>) -> [Range<Int>]? {
    let starts = rows.compactMap { $0 }
    guard starts.count == rows.count, starts.first == scope.lowerBound,
      starts.allSatisfy({ scope.contains($0) }),
      zip(starts, starts.dropFirst()).allSatisfy({ $0 < $1 }),
      starts.count >= 2 || scope.count == 1
    else { return nil }
    return starts.indices.map { i in
      starts[i]..<(i + 1 < starts.count ? starts[i + 1] : scope.upperBound)
    }
  }

  /// The width of the text's first unbreakable piece: a run of Latin letters and digits, or
  /// one character.
  static func firstWordWidth(_ text: String) -> Int {
    let word = text.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "%") }
    return max(1, word.count)
  }

  /// Cuts a chunk where it runs over a column border with one space between the cells
  /// (`指标 1：审核市直 市直 62 家行政机` in narrow columns): at the space nearest the next
  /// column's start, between the end of this column's header text and that start.
  static func splitAtBorders(
    _ chunk: LayoutChunk, _ chars: [Character], _ columns: [LayoutIndicatorHeader.Column]
  ) -> [LayoutChunk] {
    for i in 0..<(columns.count - 1) {
      let next = columns[i + 1].start
      // pdftotext counts a Latin character as wide as a CJK one, so text after digits can
      // start a few columns early: the chunk need only come near the next column.
      guard chunk.start < next - 1, chunk.end >= next - 3 else { continue }
      let low = max(chunk.start + 1, min(columns[i].end, next) - 1)
      let high = min(chunk.end - 2, next)
      guard low <= high else { continue }
      // Not between a number and its unit (`大于等于 100 个` in a full column).
      let spaces = (low...high).filter {
        PdftotextLayoutDialect.isSplitSpace(chars, $0) && !Self.joinsUnit(chars, at: $0)
      }
      guard let cut = spaces.min(by: { abs($0 - next) < abs($1 - next) }) else { continue }
      // The piece after the cut must start at (or just before) the next column, and the
      // piece before it must still belong to this one.
      let headCentre = Double(chunk.start + cut) / 2
      guard cut + 1 >= next - 3,
        abs(headCentre - columns[i].centre) < abs(headCentre - columns[i + 1].centre)
      else { continue }
      let clean = { (range: Range<Int>) in String(chars[range].filter { $0 != LayoutLine.pad }) }
      let head = LayoutChunk(start: chunk.start, end: cut, text: clean(chunk.start..<cut))
      let tail = LayoutChunk(start: cut + 1, end: chunk.end, text: clean((cut + 1)..<chunk.end))
      return splitAtBorders(head, chars, columns) + splitAtBorders(tail, chars, columns)
    }
    return [chunk]
  }

  /// True when the space at `i` stands between a number and a unit word after it (`100 个`,
  /// `5 万人次`).
  static func joinsUnit(_ chars: [Character], at i: Int) -> Bool {
    guard i > 0 else { return false }
    var end = i + 1
    while end < chars.count, chars[end] != " " { end += 1 }
    let word = String(chars[(i + 1)..<end].filter { $0 != LayoutLine.pad })
    return SpaceRowsDialect.isUnit(word, after: chars[i - 1])
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
        if left.hasSuffix("指标"), i + 1 < chars.count, isCJK(chars[i + 1]) {
          pieces.append(chunk.piece(start..<i))
          start = i + 1
        }
      }
      if pieces.isEmpty {
        out.append(chunk)
      } else {
        pieces.append(chunk.piece(start..<chars.count))
        out += pieces
      }
    }
    return out
  }
}
