#pragma once

// The media types the registry recognises by name. Plain character arrays, so
// that one constant serves as a `const char *`, a QByteArray header value and
// (through QLatin1StringView(k...)) a QString comparison alike.
//
// Anything not listed here is still accepted where the specs allow arbitrary
// types (artifact configs and layers); these are the ones with meaning.

namespace kai::oci {

// Manifests: the four the registry stores and serves.
inline constexpr char kDockerManifestV2[] = "application/vnd.docker.distribution.manifest.v2+json";
inline constexpr char kDockerManifestList[] = "application/vnd.docker.distribution.manifest.list.v2+json";
inline constexpr char kOciManifest[] = "application/vnd.oci.image.manifest.v1+json";
inline constexpr char kOciIndex[] = "application/vnd.oci.image.index.v1+json";

// Schema 1 (signed or not) is recognised only to be rejected with a clear
// message: it has been deprecated since 2017 and Quay no longer accepts it
// by default either.
inline constexpr char kDockerSchema1[] = "application/vnd.docker.distribution.manifest.v1+json";
inline constexpr char kDockerSchema1Signed[] = "application/vnd.docker.distribution.manifest.v1+prettyjws";

// OCI 1.1 empty descriptor: config of artifacts that carry no config.
inline constexpr char kOciEmpty[] = "application/vnd.oci.empty.v1+json";
// The digest of its content "{}" (2 bytes).
inline constexpr char kOciEmptyDigest[] =
    "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";

// Image configs.
inline constexpr char kOciConfig[] = "application/vnd.oci.image.config.v1+json";
inline constexpr char kDockerConfig[] = "application/vnd.docker.container.image.v1+json";

// Image layers.
inline constexpr char kOciLayerTar[] = "application/vnd.oci.image.layer.v1.tar";
inline constexpr char kOciLayerTarGzip[] = "application/vnd.oci.image.layer.v1.tar+gzip";
inline constexpr char kOciLayerTarZstd[] = "application/vnd.oci.image.layer.v1.tar+zstd";
inline constexpr char kOciLayerNondistributableTar[] =
    "application/vnd.oci.image.layer.nondistributable.v1.tar";
inline constexpr char kOciLayerNondistributableTarGzip[] =
    "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip";
inline constexpr char kOciLayerNondistributableTarZstd[] =
    "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd";
inline constexpr char kDockerLayerTar[] = "application/vnd.docker.image.rootfs.diff.tar";
inline constexpr char kDockerLayerTarGzip[] = "application/vnd.docker.image.rootfs.diff.tar.gzip";
// Foreign layers (Windows base images): clients fetch them from `urls`.
inline constexpr char kDockerForeignLayer[] =
    "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";
inline constexpr char kDockerForeignLayerTar[] =
    "application/vnd.docker.image.rootfs.foreign.diff.tar";

} // namespace kai::oci
