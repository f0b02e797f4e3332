import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { Course as CourseContent } from '@halaqa/courses';
import { Course } from './course.entity';

/** One imported state of a course's content; immutable once written (cohorts pin it). */
@Entity('course_versions')
@Index('course_versions_course_version_key', ['courseId', 'version'], { unique: true })
@Index('course_versions_course_hash_key', ['courseId', 'contentHash'], { unique: true })
export class CourseVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn()
  course: Relation<Course>;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 64 })
  contentHash: string;

  @Column({ type: 'jsonb' })
  content: CourseContent;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
