/// Works out which rows a vertically centred label covers.
///
/// Layout text loses cell borders: a label merged over several rows is printed once, at
/// the vertical centre of its span. Given the line ranges of the rows and the centre line
/// of each label (top to bottom), `partition` splits the rows into consecutive spans, one
/// per label, so that each span's middle is as close as possible to its label's centre.
enum CentredSpans {
  /// A logical row's top and bottom edge, in units of a one-line row.
  struct RowExtent: Sendable, Hashable {
    var top: Double
    var bottom: Double
  }

  /// The spans (half-open row ranges) of `centres` over `rows`, minimising the total
  /// distance between label centres and span middles.
  ///
  /// - Parameter penalties: `penalties[i][r]`, an extra cost for putting row `r` under label
  ///   `i` (a 二级 label the taxonomy puts under another 一级), weighed above any distance.
  /// - Returns: one range per label, or fewer when there are more labels than rows (the
  ///   labels past the last row share it and are reported by the caller).
  static func partition(
    rows: [RowExtent], centres: [Double], penalties: [[Double]]? = nil
  ) -> [Range<Int>] {
    let n = rows.count
    let k = min(centres.count, n)
    guard k > 0 else { return [] }
    if k == 1 { return [0..<n] }
    let infinity = Double.greatestFiniteMagnitude
    let weight = (rows.last?.bottom ?? 0) - (rows.first?.top ?? 0) + 1
    // Running sums of each label's penalties, so a span's penalty is one subtraction.
    let sums: [[Double]]? = penalties.map { matrix in
      matrix.map { row in row.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1) } }
    }
    func cost(_ label: Int, _ start: Int, _ end: Int) -> Double {
      let middle = (rows[start].top + rows[end].bottom) / 2
      var total = abs(middle - centres[label])
      if let sums, label < sums.count, end + 1 < sums[label].count {
        total += weight * (sums[label][end + 1] - sums[label][start])
      }
      return total
    }
    // best[i][e]: labels 0...i cover rows 0...e exactly.
    var best = Array(repeating: Array(repeating: infinity, count: n), count: k)
    var from = Array(repeating: Array(repeating: 0, count: n), count: k)
    for e in 0..<n { best[0][e] = cost(0, 0, e) }
    for i in 1..<k {
      for e in i..<n {
        for s in i...e where best[i - 1][s - 1] < infinity {
          let total = best[i - 1][s - 1] + cost(i, s, e)
          if total < best[i][e] {
            best[i][e] = total
            from[i][e] = s
          }
        }
      }
    }
    var spans: [Range<Int>] = []
    var end = n - 1
    var i = k - 1
    while i > 0 {
      let s = from[i][end]
      spans.append(s..<(end + 1))
      end = s - 1
      i -= 1
    }
    spans.append(0..<(end + 1))
    return spans.reversed()
  }
}
