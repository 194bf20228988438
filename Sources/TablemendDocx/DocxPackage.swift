import Foundation
import TablemendModel
import ZIPFoundation

/// A `.docx` archive opened for reading, with every inflation capped.
package struct DocxPackage {
  private let archive: Archive
  private let limits: Limits
  private var inflated = 0
  /// The archive's bytes and each entry's compressed data in them (see `ZipBounds`).
  private let bytes: Data
  private let spans: [String: Range<Int>]

  /// Opens the archive and checks its entry count.
  /// - Throws: `DocxError` for a damaged or truncated archive or too many entries.
  package init(data: Data, limits: Limits) throws(DocxError) {
    self.limits = limits
    spans = try ZipBounds.check(data)
    bytes = data
    do {
      archive = try Archive(data: data, accessMode: .read)
    } catch {
      throw DocxError(
        message:
          "not a readable ZIP archive (truncated or damaged: no central directory could be read)"
      )
    }
    var count = 0
    for _ in archive {
      count += 1
      if count > limits.maxZipEntries {
        throw DocxError(
          message:
            "ZIP archive lists more than \(limits.maxZipEntries) entries (limit maxZipEntries)"
        )
      }
    }
  }

  /// The main document part's path, found through the `officeDocument` relationship of
  /// `_rels/.rels`.
  /// - Throws: `DocxError` when the package has no relationships or no main part.
  mutating func mainPartPath() throws(DocxError) -> String {
    guard let rels = try part("_rels/.rels") else {
      throw DocxError(
        message: "not a Word document: the ZIP archive has no _rels/.rels (not an OPC package)")
    }
    let target = try Self.officeDocumentTarget(in: rels)
    guard let target else {
      throw DocxError(
        place: "_rels/.rels",
        message: "not a Word document: no officeDocument relationship names a main part")
    }
    return target
  }

  /// Inflates one part, or returns nil when the archive has no such entry.
  /// - Throws: `DocxError` when the part passes `maxPartBytes` (declared or actually inflated),
  ///   the archive passes `maxTotalInflatedBytes`, or the entry's data is damaged.
  package mutating func part(_ path: String) throws(DocxError) -> Data? {
    guard let entry = archive[path] ?? archive["/" + path] else { return nil }
    let place = "zip entry \(path)"
    let declared = entry.uncompressedSize
    if declared > UInt64(limits.maxPartBytes) {
      throw DocxError(
        place: place,
        message:
          "part declares \(declared) bytes inflated, over the part limit of \(limits.maxPartBytes) (maxPartBytes)"
      )
    }
    if declared > UInt64(limits.maxTotalInflatedBytes - inflated) {
      throw DocxError(
        place: place,
        message:
          "inflating this part would pass the total limit of \(limits.maxTotalInflatedBytes) bytes (maxTotalInflatedBytes)"
      )
    }
    let partCap = limits.maxPartBytes
    let totalLeft = limits.maxTotalInflatedBytes - inflated
    let partCapMessage =
      "part inflates past the part limit of \(partCap) bytes although it declares \(declared) (maxPartBytes); stopped"
    let totalCapMessage =
      "inflating passed the total limit of \(limits.maxTotalInflatedBytes) bytes (maxTotalInflatedBytes); stopped"
    var data = Data()
    if entry.isCompressed, let span = spans[entry.path] {
      // Inflated here with zlib rather than by `Archive.extract`, whose loop never ends when a
      // deflate stream runs to the end of the archive without finishing (DOCX fuzzer): the
      // input stops at the entry's compressed size.
      let cap = min(partCap, totalLeft)
      let result = bytes.withUnsafeBytes { source in
        Result { () throws(Inflater.Failure) in
          try Inflater.inflate(source, span: span, declared: Int(declared), cap: cap)
        }
      }
      switch result {
      case .success(let part):
        if part.crc != entry.checksum {
          throw DocxError(
            place: place, message: "cannot inflate the part: CRC-32 mismatch (damaged archive)")
        }
        data = part.data
      case .failure(.overCap):
        throw DocxError(
          place: place, message: partCap <= totalLeft ? partCapMessage : totalCapMessage)
      case .failure(.truncated):
        throw DocxError(
          place: place,
          message:
            "cannot inflate the part: its deflate stream runs past its compressed size (damaged archive)"
        )
      case .failure(.damaged(let why)):
        throw DocxError(
          place: place, message: "cannot inflate the part (damaged or truncated archive): \(why)")
      }
    } else {
      // A stored entry (or one `ZipBounds` did not list): ZIPFoundation copies it.
      data.reserveCapacity(min(Int(declared), 16 << 20))
      do {
        _ = try archive.extract(entry, skipCRC32: false) { chunk in
          if data.count + chunk.count > partCap { throw InflationCap.part }
          if data.count + chunk.count > totalLeft { throw InflationCap.total }
          data.append(chunk)
        }
      } catch InflationCap.part {
        throw DocxError(place: place, message: partCapMessage)
      } catch InflationCap.total {
        throw DocxError(place: place, message: totalCapMessage)
      } catch {
        throw DocxError(
          place: place, message: "cannot inflate the part (damaged or truncated archive): \(error)")
      }
    }
    inflated += data.count
    return data
  }

  private enum InflationCap: Error { case part, total }

  /// Inflates a compressed part and hands its bytes to `body` in pieces as they come, under
  /// the limits `part` applies, keeping none of them. The CRC-32 is checked once every byte
  /// was handed over: a caller must drop what it made of a part that throws.
  /// - Returns: False, having handed over nothing, when the package has no such part or it is
  ///   stored rather than compressed (`part` reads it).
  /// - Throws: `DocxError` when the part passes a limit or is damaged, or what `body` throws.
  package mutating func streamPart(
    _ path: String, _ body: (UnsafeRawBufferPointer) throws(DocxError) -> Void
  ) throws(DocxError) -> Bool {
    guard let entry = archive[path] ?? archive["/" + path], entry.isCompressed,
      let span = spans[entry.path]
    else { return false }
    let place = "zip entry \(path)"
    let declared = entry.uncompressedSize
    if declared > UInt64(limits.maxPartBytes)
      || declared > UInt64(limits.maxTotalInflatedBytes - inflated)
    {
      throw DocxError(place: place, message: "part declares more bytes than the limits allow")
    }
    let cap = min(limits.maxPartBytes, limits.maxTotalInflatedBytes - inflated)
    let result = bytes.withUnsafeBytes { source in
      Result { () throws(Inflater.PieceFailure) in
        try Inflater.inflate(source, span: span, cap: cap, into: body)
      }
    }
    switch result {
    case .success(let part):
      if part.crc != entry.checksum {
        throw DocxError(
          place: place, message: "cannot inflate the part: CRC-32 mismatch (damaged archive)")
      }
      inflated += part.count
      return true
    case .failure(.reader(let error)):
      throw error
    case .failure(.inflate(let why)):
      throw DocxError(place: place, message: "cannot inflate the part: \(why)")
    }
  }

  /// The target of the `officeDocument` relationship in a `_rels/.rels` part, normalised to an
  /// archive path.
  package static func officeDocumentTarget(in rels: Data) throws(DocxError) -> String? {
    try rels.withBytes { (bytes) throws(DocxError) -> String? in
      let stream = try XMLStream(bytes: bytes, part: "_rels/.rels", maxDepth: 16)
      var found: String?
      try stream.parse { stream in
        guard stream.kind == .elementStart, stream.name.namespace == .relationships,
          stream.name.local == .relationship,
          let type = stream.attribute("Type"), type.hasSuffix("/officeDocument"),
          stream.attribute("TargetMode") != "External",
          let target = stream.attribute("Target")
        else { return }
        found = normalise(target)
        stream.stop()
      }
      return found
    }
  }

  /// `/word/document.xml`, `./word/document.xml`, `word/./document.xml` → `word/document.xml`.
  package static func normalise(_ target: String) -> String {
    var parts: [Substring] = []
    for piece in target.split(separator: "/") {
      switch piece {
      case ".": continue
      case "..": _ = parts.popLast()
      default: parts.append(piece)
      }
    }
    return (parts.joined(separator: "/").removingPercentEncoding) ?? parts.joined(separator: "/")
  }
}
