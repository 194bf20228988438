import TablemendVocabulary

/// Carries an indicator block over a page break in layout text.
///
/// pdftotext places each page's text on its own character grid: the rows of a table that
/// runs onto the next page come without a header and at other columns (page 2 of a form may
/// be shifted and narrower). The columns of the continuation are found by where its chunks
/// start, matched in order to the header's columns (the leftmost label columns may be
/// missing), and its lines are rewritten onto the header's grid so the block reads them as
/// its own. Cell locations on such lines keep their line numbers; their columns are those
/// of the rewritten line.
public enum LayoutPageJoin {
  /// The lines at the top of `page` that continue a table: up to a block header, a new form's
  /// title or a line of running text. Page numbers are dropped.
  public static func continuation(_ page: [LayoutLine]) -> [LayoutLine] {
    var out: [LayoutLine] = []
    for line in page {
      if line.isBlank || isPageNumber(line) { continue }
      if LayoutIndicatorHeader.isBlockHeader(line) { break }
      let s = squeezed(String(line.chars))
      if s.has("绩效目标") || s.has("项目名称") || s.has("申报表") || s.has("自评表") || s.has("填报") {
        break
      }
      let chunks = line.chunks()
      if chunks.count == 1, chunks[0].text.count > 24 { break }
      out.append(line)
    }
    // Header words just above the next block's header line (`指标值` over `近两年指标值`)
    // belong to that header.
    while let last = out.last,
      last.chunks().allSatisfy({
        HeaderFragments.isFragment($0.text)
          && !HeaderFragments.tails.contains(squeezed($0.text))
      })
    {
      out.removeLast()
    }
    // Only a run of lines with several columns is a table's continuation.
    let multi = out.filter { $0.chunks().count >= 2 }.count
    return multi * 2 >= out.count && multi >= 1 ? out : []
  }

  /// True for a line holding only a page number (`3`, `- 3 -`, `第 3 页`).
  public static func isPageNumber(_ line: LayoutLine) -> Bool {
    let s = squeezed(String(line.chars))
    guard !s.isEmpty, s.count <= 12 else { return false }
    let core = s.filter { !"-—－第页共/".contains($0) }
    return !core.isEmpty && core.allSatisfy(\.isNumber)
  }

  /// `lines` rewritten onto the grid of `header` (whose label fragments give the left
  /// column), or nil when their columns cannot be matched to the header's.
  public static func remap(_ lines: [LayoutLine], to header: LayoutIndicatorHeader) -> [LayoutLine]?
  {
    var targets = header.columns.map(\.start)
    // The level each target column is headed with (0: the label column, or not a level).
    var levels = header.columns.indices.map { header.level(ofColumn: $0 + 1) }
    if let left = header.labelFragments.map(\.chunk.start).min(), left < (targets.first ?? 0) {
      targets.insert(left, at: 0)
      levels.insert(0, at: 0)
    }
    // Column starts of the continuation: starts shared by two or more chunks.
    var counts: [Int: Int] = [:]
    let chunked = lines.map { $0.chunks() }
    for chunks in chunked { for c in chunks { counts[c.start, default: 0] += 1 } }
    var clusters: [(start: Int, count: Int)] = []
    for start in counts.keys.sorted() {
      let n = counts[start] ?? 0
      if let last = clusters.last, start - last.start <= 1 {
        clusters[clusters.count - 1].count += n
      } else {
        clusters.append((start, n))
      }
    }
    let starts = clusters.filter { $0.count >= 2 }.map(\.start)
    // The same grid as the header's page: every column of the continuation starts at (or
    // just by) one of the header's. (A page shifted by about one column's width still has
    // most of its chunks near some column: the test is on every column, not most chunks.)
    let near = { (start: Int) in targets.contains { abs($0 - start) <= 2 } }
    if starts.count >= 2, starts.allSatisfy(near) { return lines }
    if starts.count < 2 {
      let all = chunked.flatMap { $0 }
      if !all.isEmpty, all.filter({ near($0.start) }).count * 10 >= all.count * 6 { return lines }
    }
    guard starts.count >= 2, starts.count <= targets.count else { return nil }
    // Match them in order to the header's columns, skipping some on the left: the shift
    // that puts the fewest known 一级 / 二级 labels under another column, then whose
    // straight-line fit leaves the smallest error (a page printed narrower fits several
    // shifts about as well).
    // (A label wrapped over two lines is read whole first: `服务对象` over `满意度指标` is a
    // 二级 label, though its second line alone names a 一级.)
    var labelled: [(start: Int, level: Int)] = []
    var wrapped: Set<[Int]> = []  // [line, start] of lines read as part of a wrapped label
    for (i, chunks) in chunked.enumerated() where i > 0 {
      for chunk in chunks {
        guard
          let above = chunked[i - 1].first(where: { abs($0.start - chunk.start) <= 1 }),
          LevelLabels.isFullLevel2(squeezed(above.text + chunk.text))
        else { continue }
        labelled.append((above.start, 2))
        wrapped.formUnion([[i - 1, above.start], [i, chunk.start]])
      }
    }
    for (i, chunks) in chunked.enumerated() {
      for chunk in chunks where !wrapped.contains([i, chunk.start]) {
        let s = squeezed(chunk.text)
        if LevelLabels.isFullLevel1(s) { labelled.append((chunk.start, 1)) }
        if LevelLabels.isFullLevel2(s) { labelled.append((chunk.start, 2)) }
      }
    }
    var best: (offset: Int, misplaced: Int, error: Double, a: Double, b: Double)?
    for offset in 0...(targets.count - starts.count) {
      let xs = starts.map(Double.init)
      let ys = (0..<starts.count).map { Double(targets[$0 + offset]) }
      let (a, b) = fit(xs, ys)
      guard a > 0.5, a < 2 else { continue }
      let error = zip(xs, ys).map { abs(a * $0 + b - $1) }.reduce(0, +)
      let misplaced = labelled.filter { label in
        let x = a * Double(label.start) + b
        let nearest = targets.indices.min {
          abs(Double(targets[$0]) - x) < abs(Double(targets[$1]) - x)
        }
        return nearest.map { levels[$0] != label.level } ?? true
      }.count
      if best.map({ (misplaced, error) < ($0.misplaced, $0.error) }) ?? true {
        best = (offset, misplaced, error, a, b)
      }
    }
    guard let best else { return nil }
    var out: [LayoutLine] = []
    for (line, chunks) in zip(lines, chunked) {
      var chars: [Character] = []
      for chunk in chunks {
        let target: Int
        if let k = starts.firstIndex(where: { abs($0 - chunk.start) <= 1 }) {
          target = targets[k + best.offset] + (chunk.start - starts[k])
        } else {
          target = Int((best.a * Double(chunk.start) + best.b).rounded())
        }
        let position = max(target, chars.isEmpty ? 0 : chars.count + 2)
        chars += Array(repeating: " ", count: max(0, position - chars.count))
        chars += line.chars[chunk.start..<chunk.end]
      }
      out.append(LayoutLine(number: line.number, offset: line.offset, chars: chars))
    }
    return out
  }

  /// Least-squares line y = a·x + b (a = 1 through the mean when x does not vary).
  static func fit(_ xs: [Double], _ ys: [Double]) -> (Double, Double) {
    let n = Double(xs.count)
    let mx = xs.reduce(0, +) / n
    let my = ys.reduce(0, +) / n
    var sxx = 0.0
    var sxy = 0.0
    for (x, y) in zip(xs, ys) {
      sxx += (x - mx) * (x - mx)
      sxy += (x - mx) * (y - my)
    }
    guard sxx > 0 else { return (1, my - mx) }
    let a = sxy / sxx
    return (a, my - a * mx)
  }
}
