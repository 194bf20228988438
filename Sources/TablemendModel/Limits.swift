/// Bounds on what one input may make tablemend do. Hitting one is a clear error naming the
/// limit and the file, never a crash or a hang.
public struct Limits: Sendable, Hashable, Codable {
  /// Largest input file read, in bytes.
  public var maxInputBytes: Int = 256 << 20
  /// Largest inflated size of one ZIP part, in bytes.
  public var maxPartBytes: Int = 128 << 20
  /// Largest inflated size of all ZIP parts read, in bytes.
  public var maxTotalInflatedBytes: Int = 512 << 20
  /// Most entries a ZIP archive may list.
  public var maxZipEntries: Int = 10_000
  /// Deepest XML element nesting. libxml2 itself stops at 256 (tablemend never passes
  /// `XML_PARSE_HUGE`), so values from 256 up act as 256.
  public var maxXMLDepth: Int = 200
  /// Most cells in one table.
  public var maxCellsPerTable: Int = 1_000_000
  /// Most rows in one table.
  public var maxRowsPerTable: Int = 200_000
  /// Longest line of a text export, in characters.
  public var maxLineLength: Int = 4 << 20
  /// Largest text export, in bytes before decoding (a text export of one document is rarely
  /// over 1 MiB; converting costs about 30 times the input in memory).
  public var maxTextBytes: Int = 16 << 20
  /// Most lines in one text export.
  public var maxLines: Int = 200_000
  /// Longest time mutool may take to read one PDF (each of its two passes), in seconds.
  public var maxPDFSeconds: Int = 60
  /// Address space mutool may use while reading a PDF, in bytes.
  public var maxPDFMemoryBytes: Int = 2 << 30
  /// Largest output of one mutool pass over a PDF (its XML), in bytes.
  public var maxPDFOutputBytes: Int = 512 << 20

  public init() {}

  /// The defaults.
  public static let standard = Limits()
}
