import TablemendModel

/// Tables without rulings (stream tables), guessed from the gaps between words.
///
/// Each line of text outside the ruled tables is cut into segments where a gap wider than
/// `gapFactor` font sizes separates two glyphs. A run of close lines (gaps under three line
/// heights) from a line of two segments or more to the last such line, with at least
/// `minimumRows` of them, is a candidate; its columns are the intervals that its segments
/// cover on the x axis (a segment that bridges a gutter joins two columns). At least
/// `minimumColumns` columns make it a table: one row per line of two segments or more; the
/// one-segment lines between them (wrapped cell text) join the nearest row, each segment in
/// the column that holds it. Everything is a guess: every cell is marked
/// `inferred: ["rowSpan", "columnSpan"]` (wrapped cells are not joined, merged cells not found)
/// and a `pdf-stream-table` warning says so.
public struct StreamTableFinder: Sendable, Hashable {
  /// A gap this many font sizes wide separates two cells.
  public var gapFactor: Double
  /// Fewest rows a stream table has.
  public var minimumRows: Int
  /// Fewest columns a stream table has (two columns are as likely a two-column page).
  public var minimumColumns: Int

  /// Makes a finder.
  public init(gapFactor: Double = 0.8, minimumRows: Int = 3, minimumColumns: Int = 3) {
    self.gapFactor = gapFactor
    self.minimumRows = minimumRows
    self.minimumColumns = minimumColumns
  }

  /// A stream table: its column lines, its row lines and the glyphs of each slot.
  struct Found {
    var xs: [Double]
    var ys: [Double]
    /// `rows × columns` glyph lists, row-major.
    var slots: [[Glyph]]
    /// The indices of the line groups it took.
    var lines: Range<Int>
  }

  /// The stream tables among `groups` (glyphs grouped into lines, top to bottom).
  func tables(in groups: [[Glyph]]) -> [Found] {
    let segments = groups.map(segments)
    var found: [Found] = []
    var start = 0
    while start < groups.count {
      guard segments[start].count >= 2 else {
        start += 1
        continue
      }
      // A run from this row line (two segments or more) to the last row line that follows
      // with only close lines between; one-segment lines inside it are wrapped cell text.
      var end = start + 1
      var lastAnchor = start
      while end < groups.count, close(groups[end - 1], groups[end]) {
        if segments[end].count >= 2 { lastAnchor = end }
        end += 1
      }
      let range = start..<(lastAnchor + 1)
      let anchors = range.filter { segments[$0].count >= 2 }
      if anchors.count >= minimumRows,
        let table = table(segments, anchors: anchors, range: range)
      {
        found.append(table)
      }
      start = lastAnchor + 1
    }
    return found
  }

  /// A line's glyphs cut at wide gaps, spaces left out, left to right.
  private func segments(_ line: [Glyph]) -> [[Glyph]] {
    var out: [[Glyph]] = []
    for glyph in line.sorted(by: { $0.box.x0 < $1.box.x0 })
    where !glyph.text.allSatisfy(\.isWhitespace) {
      if let last = out.last?.last {
        let size = max(glyph.fontSize, last.fontSize, 4)
        if glyph.box.x0 - last.box.x1 > gapFactor * size {
          out.append([glyph])
          continue
        }
        out[out.count - 1].append(glyph)
      } else {
        out.append([glyph])
      }
    }
    return out
  }

  /// Whether two lines are close enough to be lines of one table (a gap under three lines).
  private func close(_ upper: [Glyph], _ lower: [Glyph]) -> Bool {
    guard let top = lower.map(\.box.y0).min(), let bottom = upper.map(\.box.y1).max(),
      let height = upper.map(\.box.height).max()
    else { return false }
    return top - bottom <= 3 * max(height, 1)
  }

  private func table(_ segments: [[[Glyph]]], anchors: [Int], range: Range<Int>) -> Found? {
    // Columns: the union of the segments' x intervals.
    var intervals: [(x0: Double, x1: Double)] = []
    for index in range {
      for segment in segments[index] {
        guard let x0 = segment.map(\.box.x0).min(), let x1 = segment.map(\.box.x1).max() else {
          continue
        }
        intervals.append((x0, x1))
      }
    }
    intervals.sort { $0.x0 < $1.x0 }
    var columns: [(x0: Double, x1: Double)] = []
    for interval in intervals {
      if let last = columns.last, interval.x0 <= last.x1 + 1 {
        columns[columns.count - 1].x1 = max(last.x1, interval.x1)
      } else {
        columns.append(interval)
      }
    }
    guard columns.count >= minimumColumns else { return nil }
    // Every line's segments go to the row of the nearest row line.
    func centre(_ index: Int) -> Double {
      let glyphs = segments[index].joined()
      return ((glyphs.map(\.box.y0).min() ?? 0) + (glyphs.map(\.box.y1).max() ?? 0)) / 2
    }
    let anchorCentres = anchors.map(centre)
    var slots = [[Glyph]](repeating: [], count: anchors.count * columns.count)
    for index in range {
      let y = centre(index)
      var row = 0
      for (r, c) in anchorCentres.enumerated() where abs(c - y) < abs(anchorCentres[row] - y) {
        row = r
      }
      for segment in segments[index] {
        guard let x0 = segment.map(\.box.x0).min(),
          let c = columns.firstIndex(where: { x0 >= $0.x0 - 1 && x0 <= $0.x1 })
        else { continue }
        slots[row * columns.count + c] += segment
      }
    }
    // Column lines halfway between the columns; row lines halfway between the rows.
    var xs = [columns[0].x0]
    for (a, b) in zip(columns, columns.dropFirst()) { xs.append((a.x1 + b.x0) / 2) }
    xs.append(columns[columns.count - 1].x1)
    let rowBoxes = (0..<anchors.count).map { r -> (y0: Double, y1: Double) in
      let glyphs = slots[(r * columns.count)..<((r + 1) * columns.count)].joined()
      return (glyphs.map(\.box.y0).min() ?? 0, glyphs.map(\.box.y1).max() ?? 0)
    }
    var ys = [rowBoxes[0].y0]
    for (a, b) in zip(rowBoxes, rowBoxes.dropFirst()) { ys.append((a.y1 + b.y0) / 2) }
    ys.append(rowBoxes[rowBoxes.count - 1].y1)
    return Found(xs: xs, ys: ys, slots: slots, lines: range)
  }
}
