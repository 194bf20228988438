import Foundation
import Tablemend

/// What a batch remembers between runs (`manifest.json`): for every document in
/// `documents.jsonl`, its path, the SHA-256 of the input, the tablemend version that converted
/// it, and where its line is.
public struct BatchManifest: Codable, Sendable, Hashable {
  /// One document of `documents.jsonl`.
  public struct Entry: Codable, Sendable, Hashable {
    public var path: String
    public var sha256: String
    /// The tablemend version that converted it, or nil when not known.
    public var version: String?
    /// Byte offset of its line in `documents.jsonl`.
    public var offset: Int
    /// Length of its line, without the newline.
    public var length: Int
    /// Where its rows are in the CSV files, and its counts: what a later run copies without
    /// reading the document again. Nil in manifests of older tablemends and for the second
    /// path of a copy (no rows of its own).
    public var rows: Rows?

    /// Makes an entry.
    public init(
      path: String, sha256: String, version: String?, offset: Int, length: Int, rows: Rows? = nil
    ) {
      self.path = path
      self.sha256 = sha256
      self.version = version
      self.offset = offset
      self.length = length
      self.rows = rows
    }
  }

  /// A document's rows in the CSV files (byte offset and length in each) and its counts.
  public struct Rows: Codable, Sendable, Hashable {
    public var indicators: ByteRange
    public var funds: ByteRange
    public var fields: ByteRange
    /// Forms in the document.
    public var forms: Int
    /// Rows of `indicators.csv` (one per indicator).
    public var indicatorRows: Int
  }

  /// Bytes `offset..<offset + length` of a file.
  public struct ByteRange: Codable, Sendable, Hashable {
    public var offset: Int
    public var length: Int
  }

  /// The sizes of the outputs the entries point into, when the run wrote them: a later run
  /// patches the outputs only when they are still these.
  public struct Sizes: Codable, Sendable, Hashable {
    public var indicators: Int
    public var funds: Int
    public var fields: Int
    public var database: Int
  }

  /// The format of this file; `1`.
  public var format: Int
  /// The size of the `documents.jsonl` the offsets point into.
  public var documentsBytes: Int
  /// Entries in `documents.jsonl` order (sorted by path).
  public var entries: [Entry]
  /// The other outputs' sizes; nil in manifests of older tablemends.
  public var sizes: Sizes?

  /// Makes a manifest.
  public init(documentsBytes: Int, entries: [Entry], sizes: Sizes? = nil) {
    self.format = 1
    self.documentsBytes = documentsBytes
    self.entries = entries
    self.sizes = sizes
  }

  /// True when the outputs in `folder` are the ones this manifest describes, whole, so that a
  /// run can copy their rows and patch the database instead of reading every document: every
  /// entry (but a copy's second path) knows its rows, and every file has the size written.
  func describesOutputs(in folder: URL) -> Bool {
    guard let sizes, !entries.isEmpty else { return false }
    var seen: Set<String> = []
    for entry in entries where seen.insert(entry.sha256).inserted {
      if entry.rows == nil { return false }
    }
    func size(_ name: String) -> Int? {
      (try? FileManager.default.attributesOfItem(
        atPath: folder.appendingPathComponent(name).path))?[.size] as? Int
    }
    return size(BatchOutputs.indicators) == sizes.indicators
      && size(BatchOutputs.funds) == sizes.funds && size(BatchOutputs.fields) == sizes.fields
      && size(BatchOutputs.database) == sizes.database
  }

  /// The entries by path, the first of each path.
  var byPath: [String: Entry] {
    var out: [String: Entry] = [:]
    for entry in entries where out[entry.path] == nil { out[entry.path] = entry }
    return out
  }

  /// Loads the manifest of `folder`, checked against its `documents.jsonl`.
  ///
  /// When the manifest is missing or does not describe the `documents.jsonl` beside it, the
  /// documents file is read line by line instead; its entries then have no version, so their
  /// files are converted again, but documents of files not among the inputs are still kept.
  /// Returns an empty manifest when there is no `documents.jsonl`.
  static func load(folder: URL) -> BatchManifest {
    let documents = folder.appendingPathComponent(BatchOutputs.documents)
    guard
      let size = (try? FileManager.default.attributesOfItem(atPath: documents.path))?[.size]
        as? Int
    else { return BatchManifest(documentsBytes: 0, entries: []) }
    let manifestURL = folder.appendingPathComponent(BatchOutputs.manifest)
    if let data = try? Data(contentsOf: manifestURL),
      let manifest = try? JSONDecoder().decode(BatchManifest.self, from: data),
      manifest.format == 1, manifest.documentsBytes == size
    {
      return manifest
    }
    return scan(documents, size: size)
  }

  /// Rebuilds entries by reading `documents.jsonl`; lines that do not decode are left out.
  private static func scan(_ url: URL, size: Int) -> BatchManifest {
    guard let data = try? Data(contentsOf: url, options: .mappedIfSafe) else {
      return BatchManifest(documentsBytes: 0, entries: [])
    }
    struct Header: Decodable { var source: Source }
    var entries: [Entry] = []
    var start = data.startIndex
    while start < data.endIndex {
      let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
      if end > start,
        let header = try? JSONDecoder().decode(Header.self, from: data[start..<end])
      {
        entries.append(
          Entry(
            path: header.source.path, sha256: header.source.sha256, version: nil,
            offset: start - data.startIndex, length: end - start))
      }
      start = end < data.endIndex ? data.index(after: end) : end
    }
    return BatchManifest(documentsBytes: size, entries: entries)
  }
}

/// The names of the files a batch writes into its output folder.
public enum BatchOutputs {
  public static let documents = "documents.jsonl"
  public static let indicators = "indicators.csv"
  public static let funds = "funds.csv"
  public static let fields = "fields.csv"
  public static let database = "tablemend.sqlite"
  public static let report = "report.json"
  public static let manifest = "manifest.json"

  /// All of them, in the order they are renamed into place (the manifest last).
  public static let all = [documents, indicators, funds, fields, database, report, manifest]
}
