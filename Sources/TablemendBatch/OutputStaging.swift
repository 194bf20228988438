import Foundation

/// Output files written whole or not at all: each is written to a temporary file in the output
/// folder, and all are renamed over their final names only once every one is complete.
///
/// Temporary names start with `.tablemend-tmp-`; `removeStale()` deletes any an interrupted
/// run left behind.
struct OutputStaging {
  /// The prefix of every temporary file.
  static let prefix = ".tablemend-tmp-"

  let folder: URL
  private let token: String
  private(set) var staged: [(temporary: URL, final: URL)] = []

  init(folder: URL) {
    self.folder = folder
    self.token = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
  }

  /// Creates the output folder if needed and checks that each final name is free for a file.
  func prepare(names: [String]) throws(BatchError) {
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw BatchError(
        path: folder.path, message: "cannot create output folder: \(error.localizedDescription)")
    }
    for name in names {
      let path = folder.appendingPathComponent(name).path
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        isDirectory.boolValue
      {
        throw BatchError(path: path, message: "is a folder; cannot write an output file there")
      }
    }
  }

  /// Deletes temporary files an earlier, interrupted run left in the folder.
  func removeStale() {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    for name in names where name.hasPrefix(OutputStaging.prefix) {
      try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
    }
  }

  /// A new, empty temporary file for the output `name`.
  mutating func stage(_ name: String) throws(BatchError) -> URL {
    let temporary = folder.appendingPathComponent("\(OutputStaging.prefix)\(token)-\(name)")
    guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
      throw BatchError(path: temporary.path, message: "cannot create temporary file")
    }
    staged.append((temporary, folder.appendingPathComponent(name)))
    return temporary
  }

  /// Renames every temporary file over its final name.
  func commit() throws(BatchError) {
    for (temporary, final) in staged {
      if rename(temporary.path, final.path) != 0 {
        let reason = String(cString: strerror(errno))
        throw BatchError(path: final.path, message: "cannot rename output into place: \(reason)")
      }
    }
  }

  /// Deletes every temporary file (after a failure, or what is left after `commit`).
  func discard() {
    for (temporary, _) in staged {
      try? FileManager.default.removeItem(at: temporary)
      // SQLite's rollback journal, should one be left.
      try? FileManager.default.removeItem(atPath: temporary.path + "-journal")
    }
  }
}

/// Appends bytes to a file through a buffer, flushing every megabyte.
final class BufferedFileWriter {
  private let handle: FileHandle
  private let url: URL
  private var buffer = Data()
  /// Bytes written so far (buffered included).
  private(set) var offset = 0

  init(url: URL) throws(BatchError) {
    do {
      handle = try FileHandle(forWritingTo: url)
    } catch {
      throw BatchError(path: url.path, message: "cannot open for writing: \(error)")
    }
    self.url = url
  }

  func write(_ data: Data) throws(BatchError) {
    buffer.append(data)
    offset += data.count
    if buffer.count >= 1 << 20 { try flush() }
  }

  func write(_ text: String) throws(BatchError) { try write(Data(text.utf8)) }

  func write(_ bytes: [UInt8]) throws(BatchError) { try write(Data(bytes)) }

  func flush() throws(BatchError) {
    guard !buffer.isEmpty else { return }
    do {
      try handle.write(contentsOf: buffer)
    } catch {
      throw BatchError(path: url.path, message: "cannot write: \(error.localizedDescription)")
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes, syncs to disk and closes.
  func close() throws(BatchError) {
    try flush()
    do {
      try handle.synchronize()
      try handle.close()
    } catch {
      throw BatchError(path: url.path, message: "cannot close: \(error.localizedDescription)")
    }
  }

  /// Closes without reporting errors (after a failure).
  func abandon() { try? handle.close() }
}
