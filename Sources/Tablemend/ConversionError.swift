/// Why a file could not be converted at all: names the file and, where known, the place.
public struct ConversionError: Error, Sendable, CustomStringConvertible {
  public var path: String
  /// Where in the file, as the stage that failed reports it (`byte 1234`, `12:5`, `word/document.xml:3:9`).
  public var place: String?
  public var message: String

  public init(path: String, place: String? = nil, message: String) {
    self.path = path
    self.place = place
    self.message = message
  }

  /// One line: `path:place: message`.
  public var description: String {
    if let place { return "\(path):\(place): \(message)" }
    return "\(path): \(message)"
  }
}
