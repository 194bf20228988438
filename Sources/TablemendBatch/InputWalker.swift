import Foundation

/// One file a batch will read: where it is and how it is named in the outputs.
public struct BatchInput: Sendable, Hashable {
  /// The file's location.
  public var url: URL
  /// The path written into `source.path`, the CSV, the database and the report: the absolute,
  /// standardised path, so that a re-run from another working folder finds its earlier results.
  public var path: String

  /// Makes an input for the file at `url`.
  public init(url: URL) {
    let standard = url.standardizedFileURL
    self.url = standard
    self.path = standard.path
  }
}

/// What walking the arguments found: the files to convert and the places that could not be read.
public struct WalkResult: Sendable {
  /// Files to convert, sorted by path, without duplicates.
  public var inputs: [BatchInput]
  /// Arguments or folders that could not be read, each with its error.
  public var failures: [BatchFailure]
  /// Files in walked folders that are not inputs by their type (a PDF, an image, a legacy
  /// `.doc` …), sorted by path; files left out by `--exclude` or hidden are not listed.
  public var notInputs: [SkippedFile] = []
}

/// A file a batch did not read because of its type.
public struct SkippedFile: Codable, Sendable, Hashable {
  /// The file's absolute path.
  public var path: String
  /// What it is by its name: `PDF`, `image`, `Word 97-2003`, `spreadsheet`, `archive`, or its
  /// extension (`.pptx`), or `no extension`.
  public var type: String

  public init(path: String, type: String) {
    self.path = path
    self.type = type
  }

  /// The type of a file by its extension.
  public static func type(ofName name: String) -> String {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "no extension" }
    let ext = name[name.index(after: dot)...].lowercased()
    switch ext {
    case "pdf": return "PDF"
    case "png", "jpg", "jpeg", "gif", "tif", "tiff", "bmp", "webp", "heic": return "image"
    case "doc", "wps", "rtf": return "Word 97-2003 or RTF"
    case "xls", "xlsx", "et", "ods", "xlsm": return "spreadsheet"
    case "zip", "rar", "7z", "gz", "tar": return "archive"
    default: return "." + ext
    }
  }
}

/// Finds the files a batch converts: walks folders recursively and filters with globs.
///
/// A folder is walked in full, except hidden entries (names starting with `.`), Word's lock
/// files (`~$…`), folders and files matching an exclude glob, and `skipping` (the output
/// folder). A file is taken when it
/// matches an include glob, or, without include globs, when its extension is one the readers
/// accept (`defaultExtensions`). A file named directly as an argument is always taken.
/// Symbolic links to files are followed; symbolic links to folders are not (no cycles).
public struct InputWalker: Sendable {
  /// Extensions taken when no `--include` is given: PDF, text exports, DOCX, WordprocessingML,
  /// HTML and Markdown (which may hold HTML tables), and workbooks (`.xlsx`, `.xls` — BIFF8,
  /// Excel 2003 XML or HTML inside —, WPS `.et`; Excel 2003 XML named `.xml` too).
  public static let defaultExtensions: Set<String> = [
    "pdf", "txt", "text", "tsv", "csv", "docx", "xml", "html", "htm", "md", "xlsx", "xls", "et",
  ]

  /// Globs a file must match one of; empty means `defaultExtensions` decide.
  public var include: [Glob]
  /// Globs that drop a file or a whole folder.
  public var exclude: [Glob]

  /// Makes a walker.
  public init(include: [Glob] = [], exclude: [Glob] = []) {
    self.include = include
    self.exclude = exclude
  }

  /// Walks `arguments` (folders or files).
  /// - Parameters:
  ///   - arguments: folders to walk and files to take.
  ///   - skipping: a folder never to enter (the batch's output folder).
  /// - Returns: the inputs sorted by path, and the arguments or folders that could not be read.
  public func walk(_ arguments: [URL], skipping: URL? = nil) -> WalkResult {
    var found: [String: BatchInput] = [:]
    var failures: [BatchFailure] = []
    var skipped: [SkippedFile] = []
    let skipPath = skipping.map { $0.standardizedFileURL.resolvingSymlinksInPath().path }
    for argument in arguments {
      let url = argument.standardizedFileURL
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
        failures.append(BatchFailure(path: url.path, error: "\(url.path): no such file or folder"))
        continue
      }
      if isDirectory.boolValue {
        walkFolder(
          url, relative: "", skipping: skipPath, into: &found, failures: &failures,
          skipped: &skipped)
      } else {
        let input = BatchInput(url: url)
        found[input.path] = input
      }
    }
    let inputs = found.values.sorted { $0.path < $1.path }
    var result = WalkResult(inputs: inputs, failures: failures)
    result.notInputs = skipped.sorted { $0.path < $1.path }
    return result
  }

  private func walkFolder(
    _ folder: URL, relative: String, skipping: String?, into found: inout [String: BatchInput],
    failures: inout [BatchFailure], skipped: inout [SkippedFile]
  ) {
    if let skipping, folder.resolvingSymlinksInPath().path == skipping { return }
    let keys: [URLResourceKey] = [.isDirectoryKey, .isRegularFileKey, .isSymbolicLinkKey]
    let entries: [URL]
    do {
      entries = try FileManager.default.contentsOfDirectory(
        at: folder, includingPropertiesForKeys: keys, options: [])
    } catch {
      failures.append(
        BatchFailure(
          path: folder.path,
          error: "\(folder.path): cannot list folder: \(error.localizedDescription)"
        ))
      return
    }
    for entry in entries.sorted(by: { $0.lastPathComponent < $1.lastPathComponent }) {
      let name = entry.lastPathComponent
      if name.hasPrefix(".") || name.hasPrefix("~$") { continue }
      let path = relative.isEmpty ? name : relative + "/" + name
      if exclude.contains(where: { $0.matches(path) }) { continue }
      let values = try? entry.resourceValues(forKeys: Set(keys))
      if values?.isSymbolicLink == true {
        // Follow links to files only.
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: entry.path, isDirectory: &isDirectory),
          !isDirectory.boolValue
        else { continue }
      } else if values?.isDirectory == true {
        walkFolder(
          entry, relative: path, skipping: skipping, into: &found, failures: &failures,
          skipped: &skipped)
        continue
      } else if values?.isRegularFile != true {
        continue
      }
      if takes(path) {
        let input = BatchInput(url: entry)
        found[input.path] = input
      } else if include.isEmpty {
        skipped.append(
          SkippedFile(
            path: entry.standardizedFileURL.path, type: SkippedFile.type(ofName: name)))
      }
    }
  }

  /// A file name's lower-case extension, `""` when it has none.
  static func extensionOf(_ name: String) -> String {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
    return name[name.index(after: dot)...].lowercased()
  }

  /// Whether a file at `relativePath` under a walked folder is converted.
  public func takes(_ relativePath: String) -> Bool {
    if exclude.contains(where: { $0.matches(relativePath) }) { return false }
    if !include.isEmpty { return include.contains { $0.matches(relativePath) } }
    let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
    let ext = name[name.index(after: dot)...].lowercased()
    return InputWalker.defaultExtensions.contains(ext)
  }
}
