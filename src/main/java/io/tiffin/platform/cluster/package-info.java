/**
 * Running as several instances on one MongoDB and one Redis: per-key locks that hold across
 * instances ({@link io.tiffin.platform.cluster.ClusterLocks}) and scheduled jobs that run once per
 * interval across instances ({@link io.tiffin.platform.cluster.ClusterJobs}).
 */
package io.tiffin.platform.cluster;
