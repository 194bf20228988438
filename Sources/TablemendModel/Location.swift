/// A place in the source: 1-based line and column, and for container formats the part,
/// the PDF page and box, or the sheet and A1 reference.
///
/// For text exports `line` and `column` count lines and characters of the decoded text.
/// For WordprocessingML they are libxml2's line and column in the XML part named by `part`.
/// For a workbook, `sheet` names the sheet, `ref` the cell (`B3`), and `line` and `column`
/// are its 1-based row and column. For a PDF, `page` is the 1-based page, `box` the region in
/// PDF points (origin at the top left of the page, y growing down, after the page's rotation),
/// and `line` and `column` are 0.
public struct Location: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
  /// 1-based line (0 in a PDF).
  public var line: Int
  /// 1-based column (characters, not bytes; 0 in a PDF).
  public var column: Int
  /// The part of a container the location is in (`word/document.xml`), if any.
  public var part: String?
  /// The 1-based PDF page, if the source is a PDF.
  public var page: Int?
  /// The region on `page`, in PDF points.
  public var box: Box?
  /// The workbook sheet's name, if the source is a spreadsheet.
  public var sheet: String?
  /// The A1 reference of the cell in `sheet` (`B3`).
  public var ref: String?

  public init(
    line: Int, column: Int, part: String? = nil, page: Int? = nil, box: Box? = nil,
    sheet: String? = nil, ref: String? = nil
  ) {
    self.line = line
    self.column = column
    self.part = part
    self.page = page
    self.box = box
    self.sheet = sheet
    self.ref = ref
  }

  /// A place on a PDF page.
  public static func pdf(page: Int, box: Box) -> Location {
    Location(line: 0, column: 0, page: page, box: box.rounded)
  }

  /// A cell of a workbook sheet, by its 0-based row and column.
  public static func sheet(_ name: String, row: Int, column: Int) -> Location {
    Location(
      line: row + 1, column: column + 1, sheet: name,
      ref: Self.a1(row: row, column: column))
  }

  /// The A1 reference of a 0-based row and column (`0, 0` is `A1`, `2, 27` is `AB3`).
  public static func a1(row: Int, column: Int) -> String {
    // Letters then digits, each written last first into a small buffer (a workbook of
    // 1,000,000 cells makes as many references).
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
      var end = buffer.count
      var number = UInt(max(row, 0) + 1)
      repeat {
        end -= 1
        buffer[end] = UInt8(truncatingIfNeeded: number % 10) &+ 48
        number /= 10
      } while number > 0
      var n = max(column, 0) + 1
      while n > 0 {
        end -= 1
        buffer[end] = UInt8(65 + (n - 1) % 26)
        n = (n - 1) / 26
      }
      return String(decoding: UnsafeMutableBufferPointer(rebasing: buffer[end...]), as: UTF8.self)
    }
  }

  public static func < (lhs: Location, rhs: Location) -> Bool {
    (lhs.part ?? lhs.sheet ?? "", lhs.page ?? 0, lhs.line, lhs.column)
      < (rhs.part ?? rhs.sheet ?? "", rhs.page ?? 0, rhs.line, rhs.column)
  }

  public var description: String {
    if let page {
      if let box { return "page \(page) \(box)" }
      return "page \(page)"
    }
    if let sheet { return "\(sheet)!\(ref ?? "R\(line)C\(column)")" }
    if let part { return "\(part):\(line):\(column)" }
    return "\(line):\(column)"
  }
}

/// A rectangle on a PDF page in points: `x0 ≤ x1` left to right, `y0 ≤ y1` top to bottom.
/// Its JSON is the array `[x0, y0, x1, y1]`.
public struct Box: Codable, Sendable, Hashable, CustomStringConvertible {
  public var x0: Double
  public var y0: Double
  public var x1: Double
  public var y1: Double

  public init(x0: Double, y0: Double, x1: Double, y1: Double) {
    self.x0 = x0
    self.y0 = y0
    self.x1 = x1
    self.y1 = y1
  }

  public init(from decoder: any Decoder) throws {
    var container = try decoder.unkeyedContainer()
    x0 = try container.decode(Double.self)
    y0 = try container.decode(Double.self)
    x1 = try container.decode(Double.self)
    y1 = try container.decode(Double.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.unkeyedContainer()
    try container.encode(x0)
    try container.encode(y0)
    try container.encode(x1)
    try container.encode(y1)
  }

  public var width: Double { x1 - x0 }
  public var height: Double { y1 - y0 }

  /// The smallest box holding both.
  public func union(_ other: Box) -> Box {
    Box(
      x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1),
      y1: max(y1, other.y1))
  }

  /// The box with each coordinate rounded to 0.01 pt (what the JSON keeps).
  public var rounded: Box {
    func r(_ v: Double) -> Double { (v * 100).rounded() / 100 }
    return Box(x0: r(x0), y0: r(y0), x1: r(x1), y1: r(y1))
  }

  public var description: String {
    let b = rounded
    return "(\(b.x0),\(b.y0))–(\(b.x1),\(b.y1))"
  }
}
