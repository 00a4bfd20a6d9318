package app.kith.contact;

import java.util.Arrays;

/** A contact's picture as stored: an image's media type and bytes (imported pictures are scaled down first). */
public record Photo(String mediaType, byte[] data) {

    @Override
    public boolean equals(Object other) {
        return other instanceof Photo photo && mediaType.equals(photo.mediaType) && Arrays.equals(data, photo.data);
    }

    @Override
    public int hashCode() {
        return 31 * mediaType.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Photo[" + mediaType + ", " + data.length + " bytes]";
    }
}
