/// Why a batch could not run or could not write its outputs. Earlier outputs are left intact.
public struct BatchError: Error, Sendable, CustomStringConvertible {
  /// The file or folder concerned.
  public var path: String
  /// What went wrong.
  public var message: String

  /// Makes an error about `path`.
  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  /// One line: `path: message`.
  public var description: String { "\(path): \(message)" }
}
