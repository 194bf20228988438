/// Snaps rulings that are nearly on one line onto it and merges the pieces of one line.
///
/// Rulings of one axis whose positions lie within `tolerance` of their neighbours form one
/// line at their mean position (a 0.72 pt border drawn as a filled rectangle and the same
/// border stroked become one line); pieces of that line that overlap or leave gaps of at most
/// `joinGap` become one ruling.
public struct RulingSnapper: Sendable, Hashable {
  /// Rulings this close across their axis are one line, in points.
  public var tolerance: Double
  /// Pieces of one line this close along it are joined, in points.
  public var joinGap: Double

  /// Makes a snapper.
  public init(tolerance: Double = 2, joinGap: Double = 3) {
    self.tolerance = tolerance
    self.joinGap = joinGap
  }

  /// The snapped and merged rulings: horizontal ones by y then x, then vertical ones by x
  /// then y.
  public func snap(_ rulings: [Ruling]) -> [Ruling] {
    snap(rulings.filter { $0.axis == .horizontal }, axis: .horizontal)
      + snap(rulings.filter { $0.axis == .vertical }, axis: .vertical)
  }

  private func snap(_ rulings: [Ruling], axis: Ruling.Axis) -> [Ruling] {
    let sorted = rulings.sorted { ($0.position, $0.start) < ($1.position, $1.start) }
    var out: [Ruling] = []
    var group: [Ruling] = []
    func flush() {
      guard !group.isEmpty else { return }
      let position = group.map(\.position).reduce(0, +) / Double(group.count)
      var pieces = group.sorted { $0.start < $1.start }
      var current = pieces.removeFirst()
      current.position = position
      for piece in pieces {
        if piece.start <= current.end + joinGap {
          current.end = max(current.end, piece.end)
        } else {
          out.append(current)
          current = Ruling(axis, at: position, from: piece.start, to: piece.end)
        }
      }
      out.append(current)
      group = []
    }
    for ruling in sorted {
      if let last = group.last, ruling.position - last.position > tolerance { flush() }
      group.append(ruling)
    }
    flush()
    return out
  }
}
