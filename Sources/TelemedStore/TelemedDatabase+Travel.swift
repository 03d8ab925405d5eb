import Foundation
import TelemedCore

extension TelemedDatabase {
    /// The stored scenario's travel model; a relative matrix file is looked up beside the database.
    func travelModel(for settings: TravelSettings) throws -> any TravelModel {
        let folder = name == ":memory:" ? nil : URL(fileURLWithPath: name).deletingLastPathComponent()
        do {
            return try settings.makeModel(relativeTo: folder)
        } catch {
            throw StoreError.travelModel(error.message)
        }
    }
}
