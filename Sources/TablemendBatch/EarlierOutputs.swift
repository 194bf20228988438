import Foundation

/// The outputs of the earlier run, read by byte range: a run that patches them copies the
/// lines and rows of documents that did not change instead of reading those documents again.
final class EarlierOutputs {
  /// One earlier output file, read at the ranges the manifest gives.
  final class File {
    private let handle: FileHandle
    private let url: URL
    private let size: Int

    init(_ url: URL) throws(BatchError) {
      do {
        handle = try FileHandle(forReadingFrom: url)
        size = Int(try handle.seekToEnd())
      } catch {
        throw BatchError(path: url.path, message: "cannot read the earlier output: \(error)")
      }
      self.url = url
    }

    /// The bytes of `range`; an error when they are not all in the file.
    func read(_ range: BatchManifest.ByteRange) throws(BatchError) -> Data {
      guard range.offset >= 0, range.length >= 0, range.offset <= size - range.length else {
        throw BatchError(
          path: url.path,
          message:
            "the manifest points at bytes \(range.offset)..<\(range.offset + range.length), "
            + "past the end of the file (\(size) bytes)")
      }
      guard range.length > 0 else { return Data() }
      do {
        try handle.seek(toOffset: UInt64(range.offset))
        let data = try handle.read(upToCount: range.length) ?? Data()
        guard data.count == range.length else {
          throw BatchError(path: url.path, message: "the file ended early")
        }
        return data
      } catch let error as BatchError {
        throw error
      } catch {
        throw BatchError(path: url.path, message: "cannot read the earlier output: \(error)")
      }
    }

    func close() { try? handle.close() }
  }

  let documents: File
  let indicators: File
  let funds: File
  let fields: File
  /// The earlier database, copied and patched by the run.
  let database: URL

  init(folder: URL) throws(BatchError) {
    documents = try File(folder.appendingPathComponent(BatchOutputs.documents))
    indicators = try File(folder.appendingPathComponent(BatchOutputs.indicators))
    funds = try File(folder.appendingPathComponent(BatchOutputs.funds))
    fields = try File(folder.appendingPathComponent(BatchOutputs.fields))
    database = folder.appendingPathComponent(BatchOutputs.database)
  }

  func close() {
    for file in [documents, indicators, funds, fields] { file.close() }
  }
}
