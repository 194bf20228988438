/// Where a document came from and how it was read.
public struct Source: Codable, Sendable, Hashable {
  /// The path as given (`-` for standard input).
  public var path: String
  /// Lower-case hex SHA-256 of the input bytes.
  public var sha256: String
  /// The text encoding detected or forced (`utf-8`, `utf-16le`, `gb18030`, …); `binary` for DOCX.
  public var encoding: String
  /// The dialect read: `tab-per-row`, `cell-per-line`, `docx`, `wordprocessingml`, …
  public var dialect: String

  public init(path: String, sha256: String, encoding: String, dialect: String) {
    self.path = path
    self.sha256 = sha256
    self.encoding = encoding
    self.dialect = dialect
  }
}
