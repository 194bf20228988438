import TablemendModel

/// One path of the trace, collected point by point, and the rulings it draws.
///
/// A filled path gives rulings only from axis-aligned rectangles: a thin one (at most
/// `thinLimit` points across) is one ruling along its length; a larger one that is neither
/// white nor page-sized gives its four edges (a shaded cell). A stroked path gives one ruling
/// for each horizontal or vertical segment. White paint, invisible paint and curves give none.
struct PathBuilder {
  /// Filled rectangles at most this thick are lines.
  static let thinLimit = 3.0
  /// A segment this far off horizontal or vertical still counts as straight.
  static let slant = 1.0

  var stroke: Bool
  /// `a b c d e f`: page = (a x + c y + e, b x + d y + f).
  var transform: [Double]
  var white: Bool
  var invisible: Bool
  var lineWidth: Double
  private var subpaths: [Subpath] = []

  private struct Subpath {
    var points: [(x: Double, y: Double)] = []
    var closed = false
    var curved = false
  }

  init(stroke: Bool, transform: [Double], white: Bool, invisible: Bool, lineWidth: Double) {
    self.stroke = stroke
    self.transform = transform.count == 6 ? transform : [1, 0, 0, 1, 0, 0]
    self.white = white
    self.invisible = invisible
    self.lineWidth = lineWidth
  }

  /// Adds a point (a move starts a new subpath).
  mutating func add(x: Double, y: Double, move: Bool, curve: Bool) {
    let t = transform
    let point = (x: t[0] * x + t[2] * y + t[4], y: t[1] * x + t[3] * y + t[5])
    if move || subpaths.isEmpty { subpaths.append(Subpath()) }
    subpaths[subpaths.count - 1].points.append(point)
    if curve { subpaths[subpaths.count - 1].curved = true }
  }

  /// Closes the current subpath.
  mutating func close() {
    if !subpaths.isEmpty { subpaths[subpaths.count - 1].closed = true }
  }

  /// The rulings this path draws on a page of the given size.
  func rulings(pageWidth: Double, pageHeight: Double) -> [Ruling] {
    guard !white, !invisible, subpaths.count <= 10_000 else { return [] }
    var out: [Ruling] = []
    for subpath in subpaths where !subpath.curved && !subpath.points.isEmpty {
      if stroke {
        guard lineWidth <= 10 else { continue }
        var points = subpath.points
        if subpath.closed, let first = points.first { points.append(first) }
        for (a, b) in zip(points, points.dropFirst()) {
          if let ruling = Self.straight(a, b) { out.append(ruling) }
        }
      } else {
        out += Self.rectangleRulings(subpath.points, pageWidth: pageWidth, pageHeight: pageHeight)
      }
    }
    return out
  }

  /// A horizontal or vertical segment as a ruling; nil for a slanted or empty one.
  private static func straight(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double))
    -> Ruling?
  {
    let dx = abs(a.x - b.x)
    let dy = abs(a.y - b.y)
    if dy <= slant && dx > slant {
      return Ruling(.horizontal, at: (a.y + b.y) / 2, from: a.x, to: b.x)
    }
    if dx <= slant && dy > slant {
      return Ruling(.vertical, at: (a.x + b.x) / 2, from: a.y, to: b.y)
    }
    return nil
  }

  /// The rulings of a filled subpath that is an axis-aligned rectangle.
  private static func rectangleRulings(
    _ points: [(x: Double, y: Double)], pageWidth: Double, pageHeight: Double
  ) -> [Ruling] {
    guard points.count >= 4, points.count <= 5, let x0 = points.map(\.x).min(),
      let x1 = points.map(\.x).max(), let y0 = points.map(\.y).min(),
      let y1 = points.map(\.y).max()
    else { return [] }
    let tolerance = 0.5
    let onCorners = points.allSatisfy {
      (abs($0.x - x0) <= tolerance || abs($0.x - x1) <= tolerance)
        && (abs($0.y - y0) <= tolerance || abs($0.y - y1) <= tolerance)
    }
    guard onCorners else { return [] }
    let width = x1 - x0
    let height = y1 - y0
    if height <= thinLimit && width > height {
      return [Ruling(.horizontal, at: (y0 + y1) / 2, from: x0, to: x1)]
    }
    if width <= thinLimit && height > width {
      return [Ruling(.vertical, at: (x0 + x1) / 2, from: y0, to: y1)]
    }
    // A page-sized background, or a small mark (a bullet, a check box): no rulings.
    if pageWidth > 0, pageHeight > 0, width * height >= 0.8 * pageWidth * pageHeight { return [] }
    if width < 10 || height < 10 || width <= thinLimit || height <= thinLimit { return [] }
    return [
      Ruling(.horizontal, at: y0, from: x0, to: x1), Ruling(.horizontal, at: y1, from: x0, to: x1),
      Ruling(.vertical, at: x0, from: y0, to: y1), Ruling(.vertical, at: x1, from: y0, to: y1),
    ]
  }
}
