/// Why a workbook could not be read: the place (`xl/worksheets/sheet2.xml:14:3`,
/// `BIFF record 0x00FC at byte 5123`, `compound file sector 12`) and what went wrong.
public struct SheetsError: Error, Sendable, CustomStringConvertible {
  /// Where in the input, when known.
  public var place: String?
  public var message: String

  public init(place: String? = nil, message: String) {
    self.place = place
    self.message = message
  }

  public var description: String { place.map { "\($0): \(message)" } ?? message }
}
